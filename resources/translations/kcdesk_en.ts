<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name />
    <message>
      <location filename="../../kcdesk/ui/logic/first_run.py" line="63" />
      <source>{path} là một thư mục; hãy chọn một tệp .db.</source>
      <translation>{path} is a folder; choose a .db file.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/first_run.py" line="65" />
      <source>Hãy chọn nơi lưu tệp dữ liệu.</source>
      <translation>Choose where to keep the data file.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/first_run.py" line="68" />
      <source>Hãy chọn tỉnh/thành phố của Trung tâm.</source>
      <translation>Choose the centre's province or city.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/first_run.py" line="70" />
      <source>Hãy nhập tên Trung tâm.</source>
      <translation>Enter the centre's name.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/first_run.py" line="72" />
      <source>Số cơ sở mẫu không hợp lệ.</source>
      <translation>Invalid number of demo facilities.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/proposal_view.py" line="36" />
      <source>Hãy lưu đề án trước.</source>
      <translation>Save the proposal first.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/proposal_view.py" line="39" />
      <source>Chỉ {who} được thực hiện bước này.</source>
      <translation>Only {who} may take this step.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/proposal_view.py" line="41" />
      <source>Hãy lưu các thay đổi trước.</source>
      <translation>Save your changes first.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/proposal_view.py" line="64" />
      <source>Kinh phí khuyến công {kc} · Vốn đối ứng {cp} · Nguồn khác {other} · Tổng {total} · Tỷ lệ đối ứng {ratio}</source>
      <translation>Industrial extension funds {kc} · Counterpart {cp} · Other {other} · Total {total} · Counterpart ratio {ratio}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/proposal_view.py" line="100" />
      <source>{rule}: quá hạn {n} ngày ({due})</source>
      <translation>{rule}: {n} days overdue ({due})</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/proposal_view.py" line="109" />
      <source>{rule}: còn {n} ngày ({due})</source>
      <translation>{rule}: {n} days left ({due})</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="39" />
      <source>Trực tuyến</source>
      <translation>Online</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="41" />
      <source>Chưa kết nối máy chủ</source>
      <translation>Not connected to the server yet</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="43" />
      <source>Ngoại tuyến</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="45" />
      <source>đang đồng bộ…</source>
      <translation>syncing…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="47" />
      <source>chưa kết nối máy chủ</source>
      <translation>no server connected</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="48" />
      <source>{n} thay đổi chờ gửi</source>
      <translation>{n} changes waiting to be sent</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="50" />
      <source>đồng bộ lần cuối: {when}</source>
      <translation>last synced: {when}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="50" />
      <source>chưa đồng bộ</source>
      <translation>never synced</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="52" />
      <source>{n} thay đổi bị từ chối</source>
      <translation>{n} changes refused</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="54" />
      <source>{n} xung đột cần xử lý</source>
      <translation>{n} conflicts to resolve</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/status_text.py" line="56" />
      <source>lỗi lần trước: {error}</source>
      <translation>last error: {error}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/sync_schedule.py" line="68" />
      <source>Đang kết nối máy chủ…</source>
      <translation>Connecting to the server…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/sync_schedule.py" line="70" />
      <source>Đang gửi thay đổi</source>
      <translation>Sending changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/sync_schedule.py" line="72" />
      <source>Đang nhận thay đổi ({scope})</source>
      <translation>Receiving changes ({scope})</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/sync_schedule.py" line="74" />
      <source>Đang tải dữ liệu ban đầu ({scope})</source>
      <translation>Downloading the initial data ({scope})</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/sync_schedule.py" line="76" />
      <source>Đang truyền tệp đính kèm</source>
      <translation>Transferring attachments</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/sync_schedule.py" line="78" />
      <source>Đang đồng bộ</source>
      <translation>Syncing</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="43" />
      <source>Chưa rõ</source>
      <translation>Not known</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="44" />
      <source>Còn sử dụng</source>
      <translation>Still in use</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="44" />
      <source>Không còn sử dụng</source>
      <translation>No longer in use</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="49" />
      <source>Đánh giá ngày {on}</source>
      <translation>Evaluated on {on}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="51" />
      <source>đề án {code}</source>
      <translation>proposal {code}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="55" />
      <source>người đánh giá: {who}</source>
      <translation>evaluator: {who}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="65" />
      <source>Doanh thu (đồng/năm)</source>
      <translation>Revenue (đồng/year)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="71" />
      <source>Lao động (người)</source>
      <translation>Jobs (people)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="77" />
      <source>Sản lượng ({unit})</source>
      <translation>Output ({unit})</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="77" />
      <source>Sản lượng</source>
      <translation>Output</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="84" />
      <source>Sản phẩm</source>
      <translation>Products</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="85" />
      <source>Thiết bị, mô hình được hỗ trợ</source>
      <translation>Equipment or model supported</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="87" />
      <source>Số cơ sở học tập, nhân rộng</source>
      <translation>Facilities that copied the model</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="109" />
      <source>Đánh giá sau hỗ trợ được lập sau khi đề án quyết toán.</source>
      <translation>The post-support evaluation is made after the proposal is settled.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="111" />
      <source>Đã có phiếu đánh giá sau hỗ trợ (hạn {due}).</source>
      <translation>The post-support evaluation is done (due {due}).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="114" />
      <source>Đánh giá sau hỗ trợ quá hạn {n} ngày (hạn {due}).</source>
      <translation>Post-support evaluation {n} days overdue (due {due}).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/evaluation_view.py" line="115" />
      <source>Đánh giá sau hỗ trợ đến hạn ngày {due} (còn {n} ngày).</source>
      <translation>Post-support evaluation due on {due} ({n} days left).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/money_view.py" line="52" />
      <source>Đã quyết toán kinh phí khuyến công {settled} trên {budget} được duyệt ({rate}).</source>
      <translation>Khuyến công funds settled: {settled} of {budget} approved ({rate}).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/money_view.py" line="59" />
      <source>Đề án chưa có dự toán kinh phí khuyến công: hãy lập dự toán trước khi ghi khoản chi.</source>
      <translation>The proposal has no khuyến công budget yet: draw up the budget before recording money.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/money_view.py" line="61" />
      <source>Kinh phí khuyến công còn được chi: {remaining} (đã chi {paid} trên {budget} được duyệt, {rate}).</source>
      <translation>Khuyến công funds still available: {remaining} (paid out {paid} of {budget} approved, {rate}).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/money_view.py" line="75" />
      <source>Đảo khoản ngày {on}</source>
      <translation>Reverses the entry of {on}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/money_view.py" line="77" />
      <source>Đã bị đảo ngày {on}</source>
      <translation>Reversed on {on}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/money_view.py" line="108" />
      <source>{kind} {amount} ngày {on}</source>
      <translation>{kind} {amount} on {on}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="23" />
      <source>Đúng hạn</source>
      <translation>On time</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="24" />
      <source>Trễ {n} ngày</source>
      <translation>{n} days late</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="52" />
      <source>Không còn tháng nào thiếu báo cáo tiến độ.</source>
      <translation>No month is missing its progress report.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="58" />
      <source>tháng {month} (hạn {due}, quá hạn {n} ngày)</source>
      <translation>{month} (due {due}, {n} days overdue)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="66" />
      <source>tháng {month} (hạn {due})</source>
      <translation>{month} (due {due})</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="67" />
      <source>Chưa nộp báo cáo tiến độ: {months}.</source>
      <translation>Progress reports not filed: {months}.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="82" />
      <source>Tháng {month}: {n} đề án chưa nộp báo cáo tiến độ</source>
      <translation>{month}: {n} proposals have not filed their progress report</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="84" />
      <source>Tháng {month}: đã đủ báo cáo tiến độ</source>
      <translation>{month}: every progress report filed</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="86" />
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="89" />
      <source> ({n} quá hạn)</source>
      <translation> ({n} overdue)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="87" />
      <source>{n} đánh giá sau hỗ trợ đến hạn</source>
      <translation>{n} post-support evaluations due</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="102" />
      <source>Hạn nộp báo cáo tháng {month}: {due}</source>
      <translation>The report for {month} is due on {due}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="106" />
      <source> · nộp ngày {on} là trễ {n} ngày.</source>
      <translation> · filed on {on} it is {n} days late.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/progress_view.py" line="107" />
      <source> · nộp ngày {on} là đúng hạn.</source>
      <translation> · filed on {on} it is on time.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/typed_fields.py" line="106" />
      <source>Hãy điền ô này.</source>
      <translation>Please fill in this field.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/typed_fields.py" line="121" />
      <source>Số tiền chỉ gồm chữ số, tính bằng đồng (ví dụ 12.500.000).</source>
      <translation>An amount is digits only, in đồng (for example 12.500.000).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/typed_fields.py" line="126" />
      <source>Ngày '{value}' không đúng dạng ngày/tháng/năm (ví dụ 05/01/2026).</source>
      <translation>Date '{value}' is not in day/month/year form (for example 05/01/2026).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/typed_fields.py" line="131" />
      <source>Tháng '{value}' không đúng dạng tháng/năm (ví dụ 05/2026).</source>
      <translation>Month '{value}' is not in month/year form (for example 05/2026).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/typed_fields.py" line="136" />
      <source>Tỷ lệ phần trăm là một số từ 0 đến 100 (ví dụ 45 hoặc 45,5).</source>
      <translation>A percentage is a number from 0 to 100 (for example 45 or 45,5).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/typed_fields.py" line="141" />
      <source>Chỉ gồm chữ số (ví dụ 12).</source>
      <translation>Digits only (for example 12).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/logic/typed_fields.py" line="145" />
      <source>Sản lượng là một số không âm (ví dụ 1.200 hoặc 12,5).</source>
      <translation>Output is a number, not negative (for example 1.200 or 12,5).</translation>
    </message>
  </context>
  <context>
    <name>AcceptanceEditor</name>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="49" />
      <source>Số biên bản</source>
      <translation>Record number</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="50" />
      <source>Ngày nghiệm thu</source>
      <translation>Acceptance date</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="51" />
      <source>Địa điểm</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="52" />
      <source>Số hợp đồng</source>
      <translation>Contract number</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="55" />
      <source>Tổng kinh phí được duyệt</source>
      <translation>Total approved cost</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="56" />
      <source>Kinh phí khuyến công được duyệt</source>
      <translation>Extension funds approved</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="57" />
      <source>Kinh phí khuyến công nghiệm thu</source>
      <translation>Extension funds accepted</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="58" />
      <source>Vốn đối ứng thực hiện</source>
      <translation>Counterpart invested</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="61" />
      <source>Số học viên</source>
      <translation>Trainees</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="62" />
      <source>Học viên có việc làm</source>
      <translation>Trainees employed</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="63" />
      <source>Mô hình</source>
      <translation>Models</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="64" />
      <source>Máy móc</source>
      <translation>Machines</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="65" />
      <source>Hội chợ</source>
      <translation>Fairs</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="66" />
      <source>Thương hiệu</source>
      <translation>Brands</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="83" />
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="84" />
      <source>Biên bản nghiệm thu</source>
      <translation>Acceptance record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="86" />
      <source>Biên bản nghiệm thu mới</source>
      <translation>New acceptance record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="94" />
      <source>Thông tin biên bản</source>
      <translation>Record details</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="100" />
      <source>— Chọn —</source>
      <translation>— Choose —</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="105" />
      <source>Kết luận</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="106" />
      <source>Kinh phí (đồng)</source>
      <translation>Funds (VND)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="110" />
      <source>Kết quả đạt được</source>
      <translation>Results achieved</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="123" />
      <source>Căn cứ, đánh giá và kiến nghị</source>
      <translation>Basis, assessment and requests</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="125" />
      <source>Căn cứ</source>
      <translation>Basis</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="126" />
      <source>Đánh giá</source>
      <translation>Assessment</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="127" />
      <source>Kiến nghị</source>
      <translation>Requests</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="132" />
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="133" />
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="134" />
      <source>Cơ quan</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="135" />
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="141" />
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="155" />
      <source>Nội dung kiểm tra</source>
      <translation>Items checked</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="142" />
      <source>Theo kế hoạch</source>
      <translation>Planned</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="143" />
      <source>Thực tế</source>
      <translation>Actual</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="144" />
      <source>Đạt</source>
      <translation>Passed</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="145" />
      <source>Ghi chú</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="153" />
      <source>Biên bản</source>
      <translation>Record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="154" />
      <source>Thành phần</source>
      <translation>Members</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="156" />
      <source>Bản quét và ảnh</source>
      <translation>Scans and photos</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="159" />
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="388" />
      <source>Ký và khóa</source>
      <translation>Sign and lock</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="161" />
      <source>Ký biên bản; sau khi ký không sửa được nữa</source>
      <translation>Sign the record; it can no longer be changed afterwards</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="163" />
      <source>Lưu</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="165" />
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="356" />
      <source>Lưu biên bản</source>
      <translation>Save the record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="167" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="176" />
      <source>In biên bản…</source>
      <translation>Print record…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="179" />
      <source>Biên bản nghiệm thu (PDF)…</source>
      <translation>Acceptance record (PDF)…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="179" />
      <source>Bảng số liệu (Excel)…</source>
      <translation>Tables (Excel)…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="225" />
      <source>Đọc biên bản</source>
      <translation>Reading the record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="230" />
      <source>Biên bản {number} · {code} · {title}</source>
      <translation>Record {number} · {code} · {title}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="257" />
      <source>Đã ký và khóa lúc {when} bởi {who}. Biên bản chỉ để xem.</source>
      <translation>Signed and locked at {when} by {who}. The record is read-only.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="297" />
      <source>Đã ký</source>
      <translation>Signed</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="299" />
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="301" />
      <source>Có thay đổi chưa lưu</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="316" />
      <source>Hãy nhập ngày nghiệm thu dạng ngày/tháng/năm.</source>
      <translation>Enter the acceptance date as day/month/year.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="321" />
      <source>Chỉ gồm chữ số, ví dụ 150.000.000.</source>
      <translation>Digits only, e.g. 150.000.000.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="337" />
      <source>Chưa lưu: dữ liệu chưa hợp lệ</source>
      <translation>Not saved: some data is invalid</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="384" />
      <source>Ký và khóa biên bản</source>
      <translation>Sign and lock the record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="385" />
      <source>Sau khi ký, biên bản không sửa được nữa. Ký biên bản này?</source>
      <translation>Once signed, the record can no longer be changed. Sign this record?</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="389" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="404" />
      <source>Ký biên bản</source>
      <translation>Signing the record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="416" />
      <source>Thay đổi chưa lưu</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="417" />
      <source>Biên bản có thay đổi chưa lưu. Bỏ các thay đổi này?</source>
      <translation>The record has unsaved changes. Discard them?</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="420" />
      <source>Bỏ thay đổi</source>
      <translation>Discard changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/editor.py" line="421" />
      <source>Tiếp tục sửa</source>
      <translation>Keep editing</translation>
    </message>
  </context>
  <context>
    <name>AcceptancesPage</name>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="29" />
      <source>Số biên bản</source>
      <translation>Record number</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="30" />
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="31" />
      <source>Mã đề án</source>
      <translation>Proposal code</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="32" />
      <source>Tên đề án</source>
      <translation>Proposal title</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="33" />
      <source>Kết luận</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="34" />
      <source>Kinh phí nghiệm thu</source>
      <translation>Funds accepted</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="35" />
      <source>Đã ký</source>
      <translation>Signed</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="52" />
      <source>Biên bản nghiệm thu</source>
      <translation>Acceptance record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="56" />
      <source>Danh sách biên bản nghiệm thu</source>
      <translation>Acceptance records</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="71" />
      <source>Lập biên bản</source>
      <translation>New record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="78" />
      <source>Đề án đang thực hiện:</source>
      <translation>Proposal in progress:</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/page.py" line="88" />
      <source>Đọc biên bản nghiệm thu</source>
      <translation>Reading acceptance records</translation>
    </message>
  </context>
  <context>
    <name>AttachmentsPanel</name>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="61" />
      <source>Tệp đính kèm</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="69" />
      <source>Thêm tệp…</source>
      <translation>Add files…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="72" />
      <source>Xem</source>
      <translation>View</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="74" />
      <source>Bỏ tệp</source>
      <translation>Remove file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="98" />
      <source>Đọc tệp đính kèm</source>
      <translation>Reading attachments</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="125" />
      <source>{name} (chưa lưu)</source>
      <translation>{name} (not saved)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="143" />
      <source>Tạo ảnh thu nhỏ</source>
      <translation>Making thumbnails</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="163" />
      <source>Chọn tệp đính kèm</source>
      <translation>Choose attachments</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="165" />
      <source>Ảnh và bản quét ({images} *.pdf);;Mọi tệp (*)</source>
      <translation>Photos and scans ({images} *.pdf);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/attachments_panel.py" line="197" />
      <source>Bỏ tệp đính kèm</source>
      <translation>Removing an attachment</translation>
    </message>
  </context>
  <context>
    <name>Backups</name>
    <message>
      <location filename="../../kcdesk/ui/operations/backups.py" line="55" />
      <source>Sao lưu hằng ngày</source>
      <translation>Daily backup</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/backups.py" line="185" />
      <source>Sao lưu dữ liệu</source>
      <translation>Backing up the data</translation>
    </message>
  </context>
  <context>
    <name>BeneficiaryList</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/beneficiaries.py" line="90" />
      <source>Cơ sở thụ hưởng</source>
      <translation>Beneficiaries</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/beneficiaries.py" line="91" />
      <source>Thêm cơ sở từ danh sách…</source>
      <translation>Add from the register…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/beneficiaries.py" line="94" />
      <source>Bỏ cơ sở</source>
      <translation>Remove facility</translation>
    </message>
  </context>
  <context>
    <name>BudgetTable</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="27" />
      <source>Nội dung chi</source>
      <translation>Expense item</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="28" />
      <source>Mã hoạt động</source>
      <translation>Activity code</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="29" />
      <source>Kinh phí khuyến công</source>
      <translation>Extension funds</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="30" />
      <source>Vốn đối ứng</source>
      <translation>Counterpart funds</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="31" />
      <source>Nguồn khác</source>
      <translation>Other sources</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="32" />
      <source>Cộng</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="46" />
      <source>Dự toán kinh phí</source>
      <translation>Budget</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="54" />
      <source>Thêm dòng</source>
      <translation>Add line</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="57" />
      <source>Xóa dòng</source>
      <translation>Delete line</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="141" />
      <source>Dòng {n}: hãy nhập nội dung chi.</source>
      <translation>Line {n}: enter what the money is for.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/budget_table.py" line="145" />
      <source>Dòng {n}: số tiền '{value}' không đúng (chỉ gồm chữ số).</source>
      <translation>Line {n}: amount '{value}' is invalid (digits only).</translation>
    </message>
  </context>
  <context>
    <name>ConflictsInbox</name>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="55" />
      <source>Xung đột cần xử lý</source>
      <translation>Conflicts to resolve</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="60" />
      <source>Danh sách xung đột</source>
      <translation>Conflicts</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="68" />
      <source>Hai người đã sửa cùng một trường. Máy chủ đang giữ thay đổi đến sau; hãy chọn giá trị đúng. Cột “Giá trị giữ lại” có thể sửa trực tiếp.</source>
      <translation>Two people changed the same field. The server holds the change that arrived later; choose the right value. The “Value to keep” column can be edited directly.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="76" />
      <source>Các trường xung đột</source>
      <translation>Conflicting fields</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="79" />
      <source>Trường</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="80" />
      <source>Ban đầu</source>
      <translation>Original</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="81" />
      <source>Của tôi</source>
      <translation>Mine</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="82" />
      <source>Của người khác</source>
      <translation>Theirs</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="83" />
      <source>Giá trị giữ lại</source>
      <translation>Value to keep</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="90" />
      <source>Giữ của tôi</source>
      <translation>Keep mine</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="93" />
      <source>Lấy của người khác</source>
      <translation>Take theirs</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="96" />
      <source>Dùng giá trị đã sửa</source>
      <translation>Use the edited value</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="103" />
      <source>Không có xung đột nào cần xử lý.</source>
      <translation>No conflicts to resolve.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="133" />
      <source>Đọc các xung đột</source>
      <translation>Reading conflicts</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="155" />
      <source>{what} “{name}”: đã bị xóa ở máy khác</source>
      <translation>{what} “{name}”: deleted on another laptop</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="223" />
      <source>Giá trị đã sửa không đúng kiểu (số, ngày…); hãy sửa lại.</source>
      <translation>The edited value has the wrong type (number, date…); correct it.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="232" />
      <source>Xử lý xung đột</source>
      <translation>Resolving a conflict</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="239" />
      <source>Đã lưu lựa chọn; thay đổi sẽ được gửi ở lần đồng bộ sau.</source>
      <translation>Choice saved; the change is sent at the next sync.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/conflicts.py" line="249" />
      <source>Hãy nhập giá trị cần giữ lại.</source>
      <translation>Enter the value to keep.</translation>
    </message>
  </context>
  <context>
    <name>DashboardPage</name>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="49" />
      <location filename="../../kcdesk/ui/dashboard/page.py" line="50" />
      <source>Bảng điều khiển</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="58" />
      <source>Kinh phí khuyến công trong kế hoạch</source>
      <translation>Extension funds in the plan</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="59" />
      <source>Đã giải ngân</source>
      <translation>Paid out</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="60" />
      <source>Tỷ lệ giải ngân</source>
      <translation>Payout rate</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="61" />
      <source>Tỷ lệ vốn đối ứng trên tổng kinh phí</source>
      <translation>Counterpart share of total cost</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="62" />
      <source>Đề án trong kế hoạch</source>
      <translation>Proposals in the plan</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="80" />
      <source>Năm kế hoạch</source>
      <translation>Plan year</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="92" />
      <source>Đọc các năm kế hoạch</source>
      <translation>Reading plan years</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="116" />
      <source>Tính số liệu</source>
      <translation>Computing figures</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="117" />
      <source>Đếm việc theo dõi đề án</source>
      <translation>Count follow-up work</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="135" />
      <source>T{n}</source>
      <translation>M{n}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="138" />
      <source>Kế hoạch và giải ngân theo tháng (triệu đồng)</source>
      <translation>Plan and payouts by month (million VND)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="144" />
      <source>Theo nội dung hoạt động (triệu đồng)</source>
      <translation>By activity (million VND)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="153" />
      <source>Kết quả đầu ra năm {year}: {acc} biên bản nghiệm thu · học viên {tr}/{ptr} (kế hoạch) · mô hình {m}/{pm} · máy móc {mc}/{pmc} · hội chợ {f} · thương hiệu {b} · vốn đối ứng thực hiện {cp}</source>
      <translation>Outputs in {year}: {acc} acceptance records · trainees {tr}/{ptr} (planned) · models {m}/{pm} · machines {mc}/{pmc} · fairs {f} · brands {b} · counterpart invested {cp}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="176" />
      <source>Kế hoạch</source>
      <translation>Plan</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/dashboard/page.py" line="176" />
      <source>Giải ngân</source>
      <translation>Paid out</translation>
    </message>
  </context>
  <context>
    <name>DeadLetterList</name>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="52" />
      <source>Thay đổi bị máy chủ từ chối</source>
      <translation>Changes refused by the server</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="57" />
      <source>Bản ghi</source>
      <translation>Record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="57" />
      <source>Thao tác</source>
      <translation>Operation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="57" />
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="57" />
      <source>Cách xử lý</source>
      <translation>What to do</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="57" />
      <source>Lúc</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="71" />
      <source>Mở bản ghi để sửa</source>
      <translation>Open the record to correct it</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="74" />
      <source>Bỏ thay đổi này…</source>
      <translation>Discard this change…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="78" />
      <source>Gửi lại</source>
      <translation>Send again</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="80" />
      <source>Gửi lại bản ghi mới này (đã sửa) ở lần đồng bộ tới</source>
      <translation>Send this new record (corrected) again at the next sync</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="150" />
      <source>Gửi lại bản ghi bị từ chối</source>
      <translation>Send the refused record again</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="77" />
      <source>Máy chủ không từ chối thay đổi nào.</source>
      <translation>The server has refused no changes.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="92" />
      <source>Đọc các thay đổi bị từ chối</source>
      <translation>Reading refused changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="147" />
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="161" />
      <source>Bỏ thay đổi bị từ chối</source>
      <translation>Discard a refused change</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/dead_letters.py" line="149" />
      <source>Bỏ thay đổi này? Máy chủ sẽ không nhận nó nữa; bản ghi trên máy này giữ nguyên như hiện tại.

Lý do từ chối: {reason}</source>
      <translation>Discard this change? The server will not receive it any more; the record on this laptop stays as it is.

Reason for refusal: {reason}</translation>
    </message>
  </context>
  <context>
    <name>DocumentButton</name>
    <message>
      <location filename="../../kcdesk/ui/operations/documents.py" line="71" />
      <source>Đang lập {what}</source>
      <translation>Making {what}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/documents.py" line="81" />
      <source>Đã lưu</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/documents.py" line="82" />
      <source>Đã lưu {path}</source>
      <translation>Saved {path}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/documents.py" line="86" />
      <source>Mở tệp</source>
      <translation>Open file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/documents.py" line="87" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
  </context>
  <context>
    <name>DuePage</name>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="33" />
      <source>Việc đến hạn và quá hạn</source>
      <translation>Due and overdue</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="43" />
      <source> ngày tới</source>
      <translation> days ahead</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="47" />
      <source>Danh sách việc đến hạn</source>
      <translation>Due list</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="50" />
      <source>Hạn</source>
      <translation>Due</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="51" />
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="52" />
      <source>Mã đề án</source>
      <translation>Proposal code</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="53" />
      <source>Việc cần làm</source>
      <translation>To do</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="54" />
      <source>Tên đề án</source>
      <translation>Proposal title</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="55" />
      <source>Căn cứ</source>
      <translation>Basis</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="69" />
      <source>Xem trước</source>
      <translation>Look ahead</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="83" />
      <source>Đọc việc đến hạn</source>
      <translation>Reading deadlines</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="96" />
      <source>Quá hạn {n} ngày</source>
      <translation>{n} days overdue</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="98" />
      <source>Hôm nay</source>
      <translation>Today</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="100" />
      <source>Còn {n} ngày</source>
      <translation>{n} days left</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/due/page.py" line="110" />
      <source>{n} việc, trong đó {overdue} quá hạn</source>
      <translation>{n} items, {overdue} overdue</translation>
    </message>
  </context>
  <context>
    <name>EnrolDialog</name>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="34" />
      <source>Đăng ký máy với máy chủ đồng bộ</source>
      <translation>Enrol this laptop with the sync server</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="38" />
      <source>Nhập địa chỉ máy chủ và mã đăng ký dùng một lần do quản trị viên cấp. Sau khi đăng ký, máy này làm việc dưới tên người được ghi trong mã, và các thay đổi được đồng bộ tự động.</source>
      <translation>Enter the server address and the one-time enrolment code from the administrator. Once enrolled, this laptop works as the person named in the code, and changes sync automatically.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="55" />
      <source>Địa chỉ máy chủ</source>
      <translation>Server address</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="56" />
      <source>Mã đăng ký</source>
      <translation>Enrolment code</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="57" />
      <source>Tên máy</source>
      <translation>Laptop name</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="60" />
      <source>Đăng ký</source>
      <translation>Enrol</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="62" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="74" />
      <source>Địa chỉ máy chủ phải bắt đầu bằng https:// (hoặc http:// trong mạng nội bộ).</source>
      <translation>The server address must start with https:// (or http:// on a local network).</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="77" />
      <source>Hãy nhập mã đăng ký.</source>
      <translation>Enter the enrolment code.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="79" />
      <source>Đang đăng ký…</source>
      <translation>Enrolling…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/enrol_dialog.py" line="86" />
      <source>Đăng ký với máy chủ</source>
      <translation>Enrolling with the server</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <location filename="../../kcdesk/ui/errors.py" line="52" />
      <source>Lỗi không mong muốn</source>
      <translation>Unexpected error</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/errors.py" line="57" />
      <source>kcdesk gặp một lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; thao tác vừa rồi có thể chưa hoàn tất.
Hãy sao chép thông tin lỗi và gửi cho bộ phận hỗ trợ.</source>
      <translation>kcdesk ran into an unexpected error. Saved data is not affected; the last action may not have finished.
Please copy the error report and send it to support.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/errors.py" line="68" />
      <source>Sao chép thông tin lỗi</source>
      <translation>Copy error report</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/errors.py" line="72" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/errors.py" line="78" />
      <source>Đã sao chép</source>
      <translation>Copied</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../kcdesk/ui/errors.py" line="108" />
      <source>Không thực hiện được</source>
      <translation>Could not do that</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/errors.py" line="114" />
      <location filename="../../kcdesk/ui/errors.py" line="132" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/errors.py" line="126" />
      <source>kcdesk chưa mở được dữ liệu</source>
      <translation>kcdesk could not open its data</translation>
    </message>
  </context>
  <context>
    <name>EvaluationForm</name>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="34" />
      <source>Doanh thu (đồng/năm)</source>
      <translation>Revenue (đồng/year)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="35" />
      <source>Lao động (người)</source>
      <translation>Jobs (people)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="36" />
      <source>Sản lượng</source>
      <translation>Output</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="37" />
      <source>Sản phẩm chính</source>
      <translation>Main products</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="54" />
      <source>Phiếu đánh giá sau hỗ trợ</source>
      <translation>Post-support evaluation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="55" />
      <source>Lưu phiếu đánh giá</source>
      <translation>Save the evaluation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="58" />
      <source>Cơ sở và người đánh giá</source>
      <translation>Facility and evaluator</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="67" />
      <source>Đề án</source>
      <translation>Proposal</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="70" />
      <source>Cơ sở được hỗ trợ</source>
      <translation>Supported facility</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="72" />
      <source>Ngày đánh giá</source>
      <translation>Evaluated on</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="74" />
      <source>Người đánh giá</source>
      <translation>Evaluator</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="75" />
      <source>Họ tên, chức vụ</source>
      <translation>Name, position</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="78" />
      <source>Trước và sau hỗ trợ</source>
      <translation>Before and after support</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="80" />
      <source>Trước hỗ trợ</source>
      <translation>Before support</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="80" />
      <source>Sau hỗ trợ</source>
      <translation>After support</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="91" />
      <source>Đơn vị sản lượng</source>
      <translation>Output unit</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="92" />
      <source>ví dụ: tấn/năm, sản phẩm/tháng</source>
      <translation>for example: tonnes/year, items/month</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="95" />
      <source>Hiệu quả của hỗ trợ</source>
      <translation>Effect of the support</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="102" />
      <source>— Chưa rõ —</source>
      <translation>— Not known —</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="103" />
      <source>Vẫn đang sử dụng</source>
      <translation>Still in use</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="104" />
      <source>Không còn sử dụng</source>
      <translation>No longer in use</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="106" />
      <source>Thiết bị, mô hình được hỗ trợ</source>
      <translation>Equipment or model supported</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="107" />
      <source>Số cơ sở học tập, nhân rộng</source>
      <translation>Facilities that copied the model</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="108" />
      <source>Nhận xét, ghi chú</source>
      <translation>Comments</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/form.py" line="111" />
      <source>Ảnh chụp tại cơ sở</source>
      <translation>Photos at the facility</translation>
    </message>
  </context>
  <context>
    <name>EvaluationList</name>
    <message>
      <location filename="../../kcdesk/ui/evaluations/list_panel.py" line="17" />
      <source>Chỉ tiêu</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/list_panel.py" line="18" />
      <source>Trước hỗ trợ</source>
      <translation>Before support</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/list_panel.py" line="19" />
      <source>Sau hỗ trợ</source>
      <translation>After support</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/list_panel.py" line="20" />
      <source>Thay đổi</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/list_panel.py" line="33" />
      <source>Đánh giá sau hỗ trợ</source>
      <translation>Post-support evaluation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/list_panel.py" line="49" />
      <source>Lập phiếu đánh giá…</source>
      <translation>New evaluation…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/list_panel.py" line="53" />
      <source>Mở phiếu</source>
      <translation>Open</translation>
    </message>
  </context>
  <context>
    <name>FacilityEditor</name>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="47" />
      <location filename="../../kcdesk/ui/facilities/editor.py" line="48" />
      <location filename="../../kcdesk/ui/facilities/editor.py" line="190" />
      <source>Hồ sơ cơ sở</source>
      <translation>Facility record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="48" />
      <location filename="../../kcdesk/ui/facilities/editor.py" line="65" />
      <source>Cơ sở mới</source>
      <translation>New facility</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="60" />
      <source>Thông tin cơ sở</source>
      <translation>Facility details</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="61" />
      <source>Lịch sử thay đổi</source>
      <translation>Change history</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="62" />
      <source>Tệp đính kèm</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="64" />
      <source>Đánh giá sau hỗ trợ</source>
      <translation>Post-support evaluation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="69" />
      <location filename="../../kcdesk/ui/facilities/editor.py" line="219" />
      <source>Lưu</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="71" />
      <location filename="../../kcdesk/ui/facilities/editor.py" line="182" />
      <source>Lưu hồ sơ cơ sở</source>
      <translation>Save the facility record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="72" />
      <source>Lưu (Ctrl+S)</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="74" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="83" />
      <source>In phiếu thông tin…</source>
      <translation>Print profile…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="87" />
      <source>Phiếu thông tin cơ sở (PDF)…</source>
      <translation>Facility profile (PDF)…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="88" />
      <source>Bảng số liệu (Excel)…</source>
      <translation>Tables (Excel)…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="116" />
      <source>Đọc hồ sơ cơ sở</source>
      <translation>Reading the facility record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="143" />
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="145" />
      <source>Có thay đổi chưa lưu</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="147" />
      <source>Đã lưu</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="156" />
      <source>Chưa lưu: còn {n} trường chưa hợp lệ</source>
      <translation>Not saved: {n} fields are invalid</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="203" />
      <source>Chưa lưu: dữ liệu chưa hợp lệ</source>
      <translation>Not saved: some data is invalid</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="215" />
      <source>Thay đổi chưa lưu</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="216" />
      <source>Hồ sơ có thay đổi chưa lưu. Lưu trước khi đóng?</source>
      <translation>The record has unsaved changes. Save before closing?</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="220" />
      <source>Bỏ thay đổi</source>
      <translation>Discard changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/editor.py" line="221" />
      <source>Tiếp tục sửa</source>
      <translation>Keep editing</translation>
    </message>
  </context>
  <context>
    <name>FacilityEvaluations</name>
    <message>
      <location filename="../../kcdesk/ui/evaluations/facility_tab.py" line="48" />
      <source>Đọc đánh giá sau hỗ trợ</source>
      <translation>Reading post-support evaluations</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/facility_tab.py" line="58" />
      <source>{n} phiếu đánh giá sau hỗ trợ: doanh thu, lao động và sản lượng trước và sau hỗ trợ.</source>
      <translation>{n} post-support evaluations: revenue, jobs and output before and after support.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/facility_tab.py" line="63" />
      <source>Chưa có phiếu đánh giá nào; cơ sở đã được hỗ trợ qua đề án đã quyết toán.</source>
      <translation>No evaluation yet; the facility was supported by a settled proposal.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/evaluations/facility_tab.py" line="65" />
      <source>Cơ sở chưa thụ hưởng đề án nào đã quyết toán: chưa có gì để đánh giá.</source>
      <translation>The facility has benefited from no settled proposal: nothing to evaluate yet.</translation>
    </message>
  </context>
  <context>
    <name>FacilityFormWidget</name>
    <message>
      <location filename="../../kcdesk/ui/facilities/form_widget.py" line="112" />
      <source>— Chọn —</source>
      <translation>— Choose —</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/form_widget.py" line="118" />
      <source>Gõ tên tỉnh/thành phố, có dấu hoặc không</source>
      <translation>Type the province name, with or without tone marks</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/form_widget.py" line="123" />
      <source>Gõ tên xã/phường, ví dụ: hai chau</source>
      <translation>Type the commune name, e.g. hai chau</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/form_widget.py" line="129" />
      <source>Địa chỉ theo đơn vị hành chính trước ngày 01/7/2025; giữ nguyên, không sửa.</source>
      <translation>Address under the administrative units before 1 July 2025; kept as recorded, not editable.</translation>
    </message>
  </context>
  <context>
    <name>FacilityPicker</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/beneficiaries.py" line="31" />
      <source>Chọn cơ sở thụ hưởng</source>
      <translation>Choose beneficiaries</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/beneficiaries.py" line="35" />
      <source>Gõ tên cơ sở, mã số thuế hoặc người đại diện…</source>
      <translation>Type a facility name, tax code or representative…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/beneficiaries.py" line="41" />
      <source>Chọn</source>
      <translation>Choose</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/beneficiaries.py" line="42" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/beneficiaries.py" line="62" />
      <source>Tìm cơ sở</source>
      <translation>Search facilities</translation>
    </message>
  </context>
  <context>
    <name>FacilityTableModel</name>
    <message>
      <location filename="../../kcdesk/ui/facilities/table_model.py" line="208" />
      <source>Đọc danh sách cơ sở</source>
      <translation>Reading the register</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/table_model.py" line="297" />
      <source>Đọc trạng thái đồng bộ</source>
      <translation>Reading the sync state</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="32" />
      <source>Thiết lập kcdesk lần đầu</source>
      <translation>Setting up kcdesk</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="40" />
      <source>Quay lại</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="41" />
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="140" />
      <source>Tiếp tục</source>
      <translation>Next</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="46" />
      <source>Thoát</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="53" />
      <source>Chào mừng đến với kcdesk</source>
      <translation>Welcome to kcdesk</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="65" />
      <source>kcdesk lưu dữ liệu trong một tệp trên máy này và làm việc cả khi không có mạng.</source>
      <translation>kcdesk keeps its data in one file on this computer and works without a network.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="71" />
      <source>Chọn…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="76" />
      <source>Tệp dữ liệu</source>
      <translation>Data file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="82" />
      <source>Gõ tên tỉnh/thành phố, có dấu hoặc không</source>
      <translation>Type the province name, with or without tone marks</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="92" />
      <source>Ví dụ: Nguyễn Văn An</source>
      <translation>For example: Nguyễn Văn An</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="94" />
      <source>Tỉnh/Thành phố</source>
      <translation>Province/City</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="95" />
      <source>Tên Trung tâm</source>
      <translation>Centre name</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="96" />
      <source>Họ tên của bạn</source>
      <translation>Your full name</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="102" />
      <source>Bạn có muốn tạo dữ liệu mẫu để làm quen? Dữ liệu mẫu không bao giờ được đồng bộ.</source>
      <translation>Would you like demo data to get to know the app? Demo data is never synchronised.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="107" />
      <source>Bắt đầu với dữ liệu trống</source>
      <translation>Start with no data</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="108" />
      <source>Tạo dữ liệu mẫu nhỏ (2.000 cơ sở)</source>
      <translation>Create small demo data (2,000 facilities)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="109" />
      <source>Tạo dữ liệu mẫu lớn (20.000 cơ sở)</source>
      <translation>Create large demo data (20,000 facilities)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="132" />
      <source>Nơi lưu tệp dữ liệu</source>
      <translation>Where to keep the data file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="132" />
      <source>Tệp dữ liệu kcdesk (*.db)</source>
      <translation>kcdesk data file (*.db)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/first_run/dialog.py" line="140" />
      <source>Bắt đầu</source>
      <translation>Start</translation>
    </message>
  </context>
  <context>
    <name>HistoryView</name>
    <message>
      <location filename="../../kcdesk/ui/common/history_view.py" line="48" />
      <source>Thời điểm</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/common/history_view.py" line="49" />
      <source>Người thực hiện</source>
      <translation>By</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/common/history_view.py" line="50" />
      <source>Thao tác</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/common/history_view.py" line="51" />
      <source>Trường</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/common/history_view.py" line="52" />
      <source>Trước</source>
      <translation>Before</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/common/history_view.py" line="53" />
      <source>Sau</source>
      <translation>After</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/common/history_view.py" line="67" />
      <source>Đọc lịch sử</source>
      <translation>Reading history</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/common/history_view.py" line="80" />
      <source>{n} trường</source>
      <translation>{n} fields</translation>
    </message>
  </context>
  <context>
    <name>ImageViewer</name>
    <message>
      <location filename="../../kcdesk/ui/widgets/image_viewer.py" line="21" />
      <source>◀ Ảnh trước</source>
      <translation>◀ Previous</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/image_viewer.py" line="21" />
      <source>Ảnh sau ▶</source>
      <translation>Next ▶</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="73" />
      <source>Nhập sổ cơ sở CNNT từ Excel</source>
      <translation>Import the facility register from Excel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="73" />
      <source>Nhập danh sách đề án từ Excel</source>
      <translation>Import proposals from Excel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="76" />
      <source>Chưa chọn tệp</source>
      <translation>No file chosen</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="78" />
      <source>Chọn tệp .xlsx…</source>
      <translation>Choose an .xlsx file…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="81" />
      <source>Chỉ nhập dòng hợp lệ (bỏ qua các dòng có lỗi)</source>
      <translation>Import the valid rows only (skip rows with problems)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="85" />
      <source>Chọn tệp rồi bấm Kiểm tra: mọi lỗi được liệt kê theo dòng và cột, chưa có gì được ghi.</source>
      <translation>Choose a file, then Check: every problem is listed by row and column, and nothing is written yet.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="91" />
      <source>Các lỗi trong tệp</source>
      <translation>Problems in the file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="92" />
      <source>Dòng</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="92" />
      <source>Cột</source>
      <translation>Column</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="92" />
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="102" />
      <source>Những gì sẽ được ghi</source>
      <translation>What will be written</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="103" />
      <source>Đề án</source>
      <translation>Proposal</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="103" />
      <source>Ô trong tệp</source>
      <translation>Cell in the file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="103" />
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="115" />
      <source>Thay đổi</source>
      <translation>Changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="113" />
      <source>Lỗi và ghi chú</source>
      <translation>Problems and notes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="116" />
      <source>Kiểm tra</source>
      <translation>Check</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="119" />
      <source>Nhập…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="123" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="144" />
      <source>Chọn tệp Excel</source>
      <translation>Choose an Excel file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="169" />
      <source>Ghi từ {file}: {new} đề án mới, {changed} đề án đã có được sửa như ở thẻ Thay đổi? Tất cả được ghi cùng lúc; nếu có sự cố thì không gì được ghi.</source>
      <translation>Write from {file}: {new} new proposals, and {changed} recorded proposals changed as the Changes tab shows? Everything is written together; if anything goes wrong, nothing is written.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="178" />
      <source>Xác nhận nhập dữ liệu</source>
      <translation>Confirm the import</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="235" />
      <source>{sheet}, dòng {row}, {column}</source>
      <translation>{sheet}, row {row}, {column}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="247" />
      <source>Thay đổi ({n})</source>
      <translation>Changes ({n})</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="174" />
      <source>Nhập {n} dòng từ {file}? Các dòng được ghi cùng lúc; nếu có sự cố thì không dòng nào được ghi.</source>
      <translation>Import {n} rows from {file}? They are written together; if anything goes wrong, none is written.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="193" />
      <source>Đang kiểm tra tệp…</source>
      <translation>Checking the file…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="193" />
      <source>Đang nhập…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="198" />
      <source>Kiểm tra tệp Excel</source>
      <translation>Checking an Excel file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/import_dialog.py" line="198" />
      <source>Nhập dữ liệu từ Excel</source>
      <translation>Importing from Excel</translation>
    </message>
  </context>
  <context>
    <name>JobProgressPanel</name>
    <message>
      <location filename="../../kcdesk/ui/operations/progress_panel.py" line="41" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/progress_panel.py" line="42" />
      <source>Dừng việc đang chạy</source>
      <translation>Stop the running job</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/progress_panel.py" line="49" />
      <source>Tiến độ công việc</source>
      <translation>Job progress</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/progress_panel.py" line="109" />
      <source>Đang dừng…</source>
      <translation>Stopping…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/progress_panel.py" line="118" />
      <source>Đang xử lý…</source>
      <translation>Working…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="46" />
      <source>Cơ sở CNNT</source>
      <translation>Facilities</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="52" />
      <source>Đề án</source>
      <translation>Proposals</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="58" />
      <source>Nghiệm thu</source>
      <translation>Acceptance</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="64" />
      <source>Khảo sát</source>
      <translation>Surveys</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="70" />
      <source>Việc đến hạn</source>
      <translation>Due list</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="76" />
      <source>Bảng điều khiển</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="82" />
      <source>Báo cáo</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="88" />
      <source>Đồng bộ</source>
      <translation>Sync</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="102" />
      <source>kcdesk – Quản lý khuyến công</source>
      <translation>kcdesk – Industrial extension management</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="109" />
      <source>Điều hướng</source>
      <translation>Navigation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="230" />
      <source>&amp;Tệp</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="231" />
      <source>Sao lưu ngay</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="233" />
      <source>Khôi phục từ bản sao lưu…</source>
      <translation>Restore from a backup…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="238" />
      <source>Nhập cơ sở CNNT từ Excel…</source>
      <translation>Import facilities from Excel…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="242" />
      <source>Nhập đề án từ Excel…</source>
      <translation>Import proposals from Excel…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="246" />
      <source>Mở thư mục nhật ký</source>
      <translation>Open the log folder</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="250" />
      <source>Thoát</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="252" />
      <source>&amp;Người dùng</source>
      <translation>&amp;User</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="254" />
      <source>Ngôn &amp;ngữ</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="258" />
      <source>Áp dụng từ lần mở kcdesk sau</source>
      <translation>Applies from the next start of kcdesk</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="266" />
      <source>&amp;Trợ giúp</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="267" />
      <location filename="../../kcdesk/ui/main_window.py" line="336" />
      <source>Phím tắt</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="268" />
      <location filename="../../kcdesk/ui/main_window.py" line="347" />
      <source>Giới thiệu kcdesk</source>
      <translation>About kcdesk</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="306" />
      <source>Đổi người dùng trên máy này</source>
      <translation>Switch user on this computer</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="308" />
      <source>Đọc danh sách người dùng</source>
      <translation>Reading users</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="322" />
      <source>Đổi người dùng</source>
      <translation>Switching user</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="329" />
      <source>Ngôn ngữ</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="330" />
      <source>Ngôn ngữ mới được áp dụng khi mở lại kcdesk.</source>
      <translation>The new language applies when kcdesk is opened again.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="337" />
      <source>Ctrl+1 … Ctrl+8: chuyển trang
Ctrl+F: tìm cơ sở
Ctrl+N: thêm mới
Ctrl+S: lưu
Esc: đóng cửa sổ sửa
F5: làm mới
F9: đồng bộ ngay
Enter: mở dòng đang chọn</source>
      <translation>Ctrl+1 … Ctrl+8: switch page
Ctrl+F: find a facility
Ctrl+N: new record
Ctrl+S: save
Esc: close an editor
F5: refresh
F9: sync now
Enter: open the selected row</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="369" />
      <source>Đã sao lưu: {name}</source>
      <translation>Backed up: {name}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="375" />
      <source>Chưa sao lưu được hôm nay: {reason}</source>
      <translation>No backup today yet: {reason}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="402" />
      <source>Đã khôi phục. Dữ liệu trước đó được giữ ở {name}</source>
      <translation>Restored. The data it replaced is kept in {name}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="424" />
      <source>Chưa đóng được</source>
      <translation>Not closed yet</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="425" />
      <source>kcdesk đang làm: {jobs}.
Hãy đợi xong (hoặc bấm Hủy ở thanh trạng thái) rồi đóng cửa sổ.</source>
      <translation>kcdesk is still working on: {jobs}.
Wait until it is done (or press Cancel in the status bar), then close the window.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/main_window.py" line="348" />
      <source>kcdesk {version}
Quản lý khuyến công ngoại tuyến cho Trung tâm Khuyến công và Tư vấn phát triển công nghiệp.</source>
      <translation>kcdesk {version}
Offline industrial extension management for the provincial Industrial Extension and Development Consulting Centres.</translation>
    </message>
  </context>
  <context>
    <name>MoneyTab</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="34" />
      <source>Dự toán được duyệt</source>
      <translation>Approved budget</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="35" />
      <source>Đã tạm ứng</source>
      <translation>Advanced</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="36" />
      <source>Đã thanh toán</source>
      <translation>Paid</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="37" />
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="46" />
      <source>Lũy kế đã chi</source>
      <translation>Paid out so far</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="38" />
      <source>Còn lại</source>
      <translation>Remaining</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="39" />
      <source>Quyết toán</source>
      <translation>Settled</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="42" />
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="43" />
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="44" />
      <source>Nguồn kinh phí</source>
      <translation>Fund source</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="45" />
      <source>Số tiền (đồng)</source>
      <translation>Amount (đồng)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="47" />
      <source>Số chứng từ</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="48" />
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="62" />
      <source>Kinh phí và giải ngân</source>
      <translation>Funds and disbursement</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="71" />
      <source>Tổng hợp theo nguồn kinh phí</source>
      <translation>Totals by fund source</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="82" />
      <source>Sổ các khoản tiền</source>
      <translation>Money ledger</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="89" />
      <source>Ghi khoản tiền…</source>
      <translation>Record money…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="91" />
      <source>Ghi tạm ứng, thanh toán hoặc quyết toán</source>
      <translation>Record an advance, payment or settlement</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="92" />
      <source>Ghi một khoản tạm ứng, thanh toán hoặc quyết toán</source>
      <translation>Record an advance, a payment or a settlement</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="95" />
      <source>Đảo khoản đã chọn…</source>
      <translation>Reverse the selected entry…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="97" />
      <source>Khoản ghi nhầm được hủy bằng một bút toán đảo, không sửa trực tiếp</source>
      <translation>A mistaken entry is cancelled by a reversing entry, never edited</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="156" />
      <source>Đề án đã quyết toán và khóa: không ghi thêm hay đảo khoản tiền nào.</source>
      <translation>The proposal is settled and locked: no money can be recorded or reversed.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_tab.py" line="159" />
      <source>Chỉ ghi khoản tiền sau khi ký hợp đồng (bước 'Ký hợp đồng / giao nhiệm vụ').</source>
      <translation>Money is recorded only after the contract is signed (step 'Sign the contract / assign the task').</translation>
    </message>
  </context>
  <context>
    <name>PaymentForm</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="32" />
      <source>Ghi khoản tiền</source>
      <translation>Record money</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="37" />
      <source>Khoản tiền</source>
      <translation>Entry</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="42" />
      <source>Loại khoản</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="43" />
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="44" />
      <source>Số tiền (đồng)</source>
      <translation>Amount (đồng)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="45" />
      <source>Nguồn kinh phí</source>
      <translation>Fund source</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="46" />
      <source>Số chứng từ</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="46" />
      <source>ví dụ: 15/UNC</source>
      <translation>for example: 15/UNC</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="47" />
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>ProgressReportForm</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="32" />
      <source>Báo cáo tiến độ thực hiện (Mẫu 3a)</source>
      <translation>Progress report (Form 3a)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="31" />
      <source>Nộp báo cáo</source>
      <translation>File the report</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="38" />
      <source>Kỳ báo cáo</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="46" />
      <source>Tháng báo cáo</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="44" />
      <source>Ngày nộp</source>
      <translation>Filed on</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="31" />
      <source>Lưu sửa đổi</source>
      <translation>Save the correction</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="51" />
      <source>Kết quả đến nay</source>
      <translation>Results so far</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="53" />
      <source>Khối lượng hoàn thành (%)</source>
      <translation>Physical progress (%)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="54" />
      <source>Kinh phí đã sử dụng (đồng)</source>
      <translation>Money used (đồng)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="56" />
      <source>Kết quả, sản phẩm đã có</source>
      <translation>Outputs so far</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="57" />
      <source>Ví dụ: đã lắp đặt 2/3 máy; đào tạo 20 học viên</source>
      <translation>For example: 2 of 3 machines installed; 20 trainees trained</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="59" />
      <source>Khó khăn và kiến nghị</source>
      <translation>Problems and proposals</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="61" />
      <source>Khó khăn, vướng mắc</source>
      <translation>Problems, obstacles</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_form.py" line="62" />
      <source>Kiến nghị, đề xuất</source>
      <translation>Proposals, requests</translation>
    </message>
  </context>
  <context>
    <name>ProgressTab</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="17" />
      <source>Tháng</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="18" />
      <source>Ngày nộp</source>
      <translation>Filed on</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="19" />
      <source>Hạn nộp</source>
      <translation>Due on</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="20" />
      <source>Đúng hạn</source>
      <translation>On time</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="21" />
      <source>Khối lượng</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="22" />
      <source>Kinh phí đã dùng</source>
      <translation>Money used</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="23" />
      <source>Kết quả đã có</source>
      <translation>Outputs so far</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="24" />
      <source>Khó khăn</source>
      <translation>Problems</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="25" />
      <source>Kiến nghị</source>
      <translation>Proposals</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="45" />
      <source>Báo cáo tiến độ</source>
      <translation>Progress reports</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="51" />
      <source>Các báo cáo tiến độ đã nộp</source>
      <translation>Progress reports filed</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="54" />
      <source>Nhấn đúp (hoặc Enter) vào một báo cáo để sửa</source>
      <translation>Double-click (or Enter) a report to correct it</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="59" />
      <source>Lập báo cáo tiến độ…</source>
      <translation>File a progress report…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/progress_tab.py" line="99" />
      <source>Báo cáo tiến độ được lập khi đề án đang thực hiện.</source>
      <translation>Progress reports are filed while the proposal is in progress.</translation>
    </message>
  </context>
  <context>
    <name>ProposalEditor</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="83" />
      <location filename="../../kcdesk/ui/proposals/editor.py" line="84" />
      <location filename="../../kcdesk/ui/proposals/editor.py" line="378" />
      <source>Hồ sơ đề án</source>
      <translation>Proposal record</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="84" />
      <location filename="../../kcdesk/ui/proposals/editor.py" line="86" />
      <source>Đề án mới</source>
      <translation>New proposal</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="100" />
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="100" />
      <source>Bước</source>
      <translation>Step</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="100" />
      <source>Từ</source>
      <translation>From</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="100" />
      <source>Đến</source>
      <translation>To</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="100" />
      <source>Số văn bản</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="118" />
      <source>Thông tin chung</source>
      <translation>General</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="119" />
      <source>Cơ sở thụ hưởng</source>
      <translation>Beneficiaries</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="120" />
      <source>Dự toán kinh phí</source>
      <translation>Budget</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="121" />
      <source>Nội dung đề án</source>
      <translation>Proposal content</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="122" />
      <source>Tiến trình</source>
      <translation>History</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="123" />
      <source>Giải ngân</source>
      <translation>Money</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="124" />
      <source>Báo cáo tiến độ</source>
      <translation>Progress reports</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="125" />
      <source>Đánh giá sau hỗ trợ</source>
      <translation>Post-support evaluation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="261" />
      <source>Đánh giá sau hỗ trợ được lập sau khi đề án quyết toán.</source>
      <translation>The post-support evaluation is made after the proposal is settled.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="131" />
      <source>Lưu</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="133" />
      <location filename="../../kcdesk/ui/proposals/editor.py" line="370" />
      <source>Lưu đề án</source>
      <translation>Save the proposal</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="134" />
      <source>Lưu (Ctrl+S)</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="136" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="140" />
      <source>In thuyết minh…</source>
      <translation>Print dossier…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="143" />
      <source>Thuyết minh và dự toán (PDF)…</source>
      <translation>Dossier and budget (PDF)…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="143" />
      <source>Dự toán (Excel)…</source>
      <translation>Budget (Excel)…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="159" />
      <source>Bước tiếp theo:</source>
      <translation>Next steps:</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="175" />
      <location filename="../../kcdesk/ui/proposals/editor.py" line="211" />
      <source>Đọc hồ sơ đề án</source>
      <translation>Reading the proposal</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="316" />
      <source>Chuyển sang: {target}</source>
      <translation>Moves to: {target}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="322" />
      <source>Không còn bước nào</source>
      <translation>No further steps</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="342" />
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="344" />
      <source>Có thay đổi chưa lưu</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="346" />
      <source>Đã lưu</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="358" />
      <location filename="../../kcdesk/ui/proposals/editor.py" line="388" />
      <source>Chưa lưu: dữ liệu chưa hợp lệ</source>
      <translation>Not saved: some data is invalid</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="408" />
      <source>Chuyển bước đề án</source>
      <translation>Moving the proposal on</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="422" />
      <source>Thay đổi chưa lưu</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="423" />
      <source>Đề án có thay đổi chưa lưu. Bỏ các thay đổi này?</source>
      <translation>The proposal has unsaved changes. Discard them?</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="426" />
      <source>Bỏ thay đổi</source>
      <translation>Discard changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/editor.py" line="427" />
      <source>Tiếp tục sửa</source>
      <translation>Keep editing</translation>
    </message>
  </context>
  <context>
    <name>ProposalFields</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="30" />
      <source>Sự cần thiết và căn cứ</source>
      <translation>Need and basis</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="31" />
      <source>Mục tiêu</source>
      <translation>Objectives</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="32" />
      <source>Quy mô</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="33" />
      <source>Tổ chức thực hiện</source>
      <translation>Implementation</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="34" />
      <source>Hiệu quả dự kiến</source>
      <translation>Expected effectiveness</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="57" />
      <source>Địa bàn ưu tiên (mức hỗ trợ cao hơn)</source>
      <translation>Priority area (higher support caps)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="62" />
      <source>Nội dung hoạt động khuyến công</source>
      <translation>Extension activities</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="66" />
      <source>Thông tin chung</source>
      <translation>General</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="83" />
      <source>Kết quả dự kiến</source>
      <translation>Planned outputs</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="85" />
      <source>Số học viên</source>
      <translation>Trainees</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="86" />
      <source>Số mô hình trình diễn</source>
      <translation>Demonstration models</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="87" />
      <source>Số máy móc, thiết bị</source>
      <translation>Machines and equipment</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="88" />
      <source>Nội dung hoạt động (mã KC)</source>
      <translation>Activities (KC codes)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/fields.py" line="191" />
      <source>Ngày '{value}' không đúng dạng ngày/tháng/năm.</source>
      <translation>Date '{value}' is not day/month/year.</translation>
    </message>
  </context>
  <context>
    <name>ProposalsPage</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="116" />
      <source>Đề án khuyến công</source>
      <translation>Industrial extension proposals</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="122" />
      <source>Mọi năm</source>
      <translation>All years</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="127" />
      <source>Mọi trạng thái</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="132" />
      <source>Đề án mới</source>
      <translation>New proposal</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="135" />
      <source>Lập đề án mới (Ctrl+N)</source>
      <translation>New proposal (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="140" />
      <source>Danh sách đề án</source>
      <translation>Proposal list</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="161" />
      <source>Năm kế hoạch</source>
      <translation>Plan year</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="163" />
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="181" />
      <source>Đọc danh sách đề án</source>
      <translation>Reading proposals</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/page.py" line="188" />
      <source>{n} đề án · kinh phí khuyến công {kc}</source>
      <translation>{n} proposals · extension funds {kc}</translation>
    </message>
  </context>
  <context>
    <name>RecordForm</name>
    <message>
      <location filename="../../kcdesk/ui/widgets/record_form.py" line="74" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/widgets/record_form.py" line="220" />
      <source>Đang ghi…</source>
      <translation>Saving…</translation>
    </message>
  </context>
  <context>
    <name>RegisterPage</name>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="49" />
      <source>Cơ sở công nghiệp nông thôn</source>
      <translation>Rural industrial facilities</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="55" />
      <source>Tìm cơ sở</source>
      <translation>Search facilities</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="56" />
      <source>Tìm theo tên, mã số thuế, người đại diện, địa chỉ… (Ctrl+F)</source>
      <translation>Search by name, tax code, representative, address… (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="59" />
      <source>Mọi xã/phường</source>
      <translation>All communes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="60" />
      <source>Mọi loại hình</source>
      <translation>All types</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="62" />
      <source>Mọi ngành nghề</source>
      <translation>All sectors</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="64" />
      <source>Mọi tình trạng</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="65" />
      <source>Thêm cơ sở</source>
      <translation>Add facility</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="68" />
      <source>Thêm cơ sở mới (Ctrl+N)</source>
      <translation>Add a new facility (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="74" />
      <source>Danh sách cơ sở</source>
      <translation>Facility register</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="156" />
      <source>{shown} / {total} cơ sở</source>
      <translation>{shown} / {total} facilities</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="159" />
      <source>{total} cơ sở</source>
      <translation>{total} facilities</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/facilities/register_page.py" line="164" />
      <source>{count} / {total} cơ sở khớp · danh sách cập nhật khi ngừng gõ</source>
      <translation>{count} / {total} facilities match · the list updates when you stop typing</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="40" />
      <source>Xuất danh sách đề án ra Excel</source>
      <translation>Export the proposal list to Excel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="93" />
      <source>Lập báo cáo…</source>
      <translation>Make report…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="100" />
      <source>Mở tệp</source>
      <translation>Open file</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="178" />
      <source>Lập báo cáo</source>
      <translation>Making a report</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="35" />
      <source>Báo cáo định kỳ cả năm</source>
      <translation>Periodic report, whole year</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="36" />
      <source>Báo cáo 6 tháng đầu năm</source>
      <translation>Periodic report, first half</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="37" />
      <source>Báo cáo 6 tháng cuối năm</source>
      <translation>Periodic report, second half</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="38" />
      <source>Danh sách đề án đăng ký kế hoạch (Mẫu 02)</source>
      <translation>Plan registration list (Form 02)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="39" />
      <source>Xuất sổ cơ sở CNNT ra Excel</source>
      <translation>Export the facility register to Excel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="41" />
      <source>Tệp mẫu để nhập cơ sở (Excel)</source>
      <translation>Template for importing facilities (Excel)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="42" />
      <source>Tệp mẫu để nhập đề án (Excel)</source>
      <translation>Template for importing proposals (Excel)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="71" />
      <source>Báo cáo và trao đổi dữ liệu Excel</source>
      <translation>Reports and Excel exchange</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="75" />
      <source>Báo cáo được lập từ dữ liệu trên máy này theo mẫu của Thông tư 36/2013/TT-BCT và Nghị định 30/2020/NĐ-CP. Việc lập báo cáo chạy nền; có thể hủy giữa chừng. Biên bản nghiệm thu, thuyết minh đề án và phiếu thông tin cơ sở được in từ cửa sổ của từng hồ sơ.</source>
      <translation>Reports are made from the data on this laptop, in the forms of Circular 36/2013/TT-BCT and Decree 30/2020/NĐ-CP. They are made in the background and can be cancelled. Acceptance records, proposal dossiers and facility profiles are printed from each record's window.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="104" />
      <source>Lập báo cáo, xuất dữ liệu</source>
      <translation>Reports and exports</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="107" />
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="108" />
      <source>Định dạng</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="109" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="117" />
      <source>Nhập từ Excel</source>
      <translation>Import from Excel</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="122" />
      <source>Tải tệp mẫu ở trên, điền rồi nhập. Tệp được kiểm tra trước: mọi lỗi được liệt kê theo dòng và cột; mặc định có lỗi thì không nhập dòng nào.</source>
      <translation>Download a template above, fill it in, then import. The file is checked first: every problem is listed by row and column; by default nothing is imported while there are problems.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="129" />
      <source>Nhập cơ sở CNNT…</source>
      <translation>Import facilities…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="132" />
      <source>Nhập đề án…</source>
      <translation>Import proposals…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="162" />
      <source>Lưu báo cáo</source>
      <translation>Save report</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="173" />
      <source>Đang lập báo cáo…</source>
      <translation>Making the report…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/reports/page.py" line="185" />
      <source>Đã lưu: {path}</source>
      <translation>Saved: {path}</translation>
    </message>
  </context>
  <context>
    <name>RestoreFlow</name>
    <message>
      <location filename="../../kcdesk/ui/operations/backups.py" line="85" />
      <source>Chọn bản sao lưu để khôi phục</source>
      <translation>Choose a backup to restore</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/backups.py" line="85" />
      <source>Bản sao lưu kcdesk (*.db)</source>
      <translation>kcdesk backups (*.db)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/backups.py" line="92" />
      <source>Khôi phục từ bản sao lưu</source>
      <translation>Restore from a backup</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/backups.py" line="94" />
      <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu {name}?

Dữ liệu hiện tại được sao lưu trước vào thư mục {folder}, nên vẫn lấy lại được. Các cửa sổ đang mở sẽ được đóng.</source>
      <translation>Replace all current data with the backup {name}?

The current data is first backed up into {folder}, so it can be recovered. Open editors will be closed.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/operations/backups.py" line="129" />
      <source>Khôi phục dữ liệu</source>
      <translation>Restoring the data</translation>
    </message>
  </context>
  <context>
    <name>ReversalForm</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="74" />
      <source>Đảo khoản tiền</source>
      <translation>Reverse an entry</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="74" />
      <source>Ghi bút toán đảo</source>
      <translation>Record the reversing entry</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="76" />
      <source>Khoản bị đảo: {entry}</source>
      <translation>Entry reversed: {entry}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="79" />
      <source>Khoản ghi nhầm không sửa trực tiếp: một bút toán đảo (số tiền âm) hủy nó, cả hai vẫn nằm trong sổ. Sau đó hãy ghi lại khoản đúng.</source>
      <translation>A mistaken entry is not edited: a reversing entry (a negative amount) cancels it and both stay in the ledger. Then record the correct entry.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="84" />
      <source>Bút toán đảo</source>
      <translation>Reversing entry</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="87" />
      <source>Ngày đảo</source>
      <translation>Reversed on</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="88" />
      <source>Số chứng từ</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="89" />
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="89" />
      <source>ví dụ: ghi nhầm số tiền</source>
      <translation>for example: wrong amount</translation>
    </message>
  </context>
  <context>
    <name>RowsEditor</name>
    <message>
      <location filename="../../kcdesk/ui/acceptances/tables.py" line="37" />
      <source>Thêm dòng</source>
      <translation>Add line</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/acceptances/tables.py" line="40" />
      <source>Xóa dòng</source>
      <translation>Delete line</translation>
    </message>
  </context>
  <context>
    <name>SettlementForm</name>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="112" />
      <source>Phê duyệt quyết toán</source>
      <translation>Approve the settlement</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="118" />
      <source>Quyết toán</source>
      <translation>Settled</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="121" />
      <source>Ngày phê duyệt</source>
      <translation>Approved on</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="122" />
      <source>Số quyết định</source>
      <translation>Decision no.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="122" />
      <source>ví dụ: 25/QĐ-SCT</source>
      <translation>for example: 25/QĐ-SCT</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="125" />
      <source>Đã ghi số quyết toán: {amounts}. Phê duyệt sẽ khóa phần kinh phí của đề án.</source>
      <translation>Settled amounts recorded: {amounts}. Approval locks the proposal's money.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="132" />
      <source>Số quyết toán thay cho số đã tạm ứng, thanh toán (không cộng thêm). Sau khi phê duyệt, không ghi thêm hay đảo khoản tiền nào được nữa.</source>
      <translation>The settled amount replaces what was advanced and paid (it is not added). After approval no money can be recorded or reversed.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="139" />
      <source>{source} (đồng)</source>
      <translation>{source} (đồng)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/proposals/money_forms.py" line="144" />
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>SurveyForm</name>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="42" />
      <source>Cao</source>
      <translation>High</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="43" />
      <source>Bình thường</source>
      <translation>Normal</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="44" />
      <source>Thấp</source>
      <translation>Low</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="55" />
      <source>Phiếu khảo sát</source>
      <translation>Survey form</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="59" />
      <source>Cơ sở đã có trong danh sách</source>
      <translation>A facility in the register</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="61" />
      <source>Cơ sở mới</source>
      <translation>New facility</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="68" />
      <source>Gõ tên hoặc mã số thuế, có dấu hoặc không…</source>
      <translation>Type a name or tax code, with or without tone marks…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="76" />
      <source>Tên cơ sở mới</source>
      <translation>New facility name</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="82" />
      <location filename="../../kcdesk/ui/surveys/form.py" line="128" />
      <source>Người đại diện</source>
      <translation>Representative</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="84" />
      <source>Gõ tên xã/phường, có dấu hoặc không</source>
      <translation>Type the commune, with or without tone marks</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="90" />
      <source>Lấy tọa độ từ ảnh</source>
      <translation>GPS from photo</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="95" />
      <source>Nhu cầu hỗ trợ</source>
      <translation>Support needs</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="110" />
      <source>1. Cơ sở được khảo sát</source>
      <translation>1. Facility surveyed</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="126" />
      <source>Tên cơ sở</source>
      <translation>Facility name</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="127" />
      <source>Loại hình</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="129" />
      <source>Điện thoại</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="132" />
      <source>2. Ngày, địa bàn và tọa độ</source>
      <translation>2. Date, commune and position</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="134" />
      <source>Ngày khảo sát</source>
      <translation>Survey date</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="135" />
      <source>Xã/Phường/Đặc khu</source>
      <translation>Commune/Ward</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="136" />
      <source>Tọa độ GPS</source>
      <translation>GPS position</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="138" />
      <source>3. Nhu cầu hỗ trợ theo nội dung khuyến công</source>
      <translation>3. Support needs by extension activity</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="141" />
      <source>Mức ưu tiên cho nhu cầu được chọn:</source>
      <translation>Priority of the needs you tick:</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="146" />
      <source>Ghi chú</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="148" />
      <source>4. Ảnh chụp tại cơ sở</source>
      <translation>4. Photos taken at the facility</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="203" />
      <source>Tìm cơ sở</source>
      <translation>Search facilities</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="218" />
      <location filename="../../kcdesk/ui/surveys/form.py" line="224" />
      <source>Đã chọn: {name}</source>
      <translation>Chosen: {name}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/form.py" line="234" />
      <source>Không ảnh nào có tọa độ GPS; hãy gõ tọa độ.</source>
      <translation>No photo carries a GPS position; type it in.</translation>
    </message>
  </context>
  <context>
    <name>SurveysPage</name>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="53" />
      <source>Phiếu khảo sát cơ sở</source>
      <translation>Facility surveys</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="57" />
      <source>Phiếu của tôi</source>
      <translation>My surveys</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="60" />
      <source>Phiếu mới</source>
      <translation>New survey</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="66" />
      <source>Phiếu của tôi (bản nháp và đã gửi)</source>
      <translation>My surveys (drafts and sent)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="76" />
      <source>Lưu nháp</source>
      <translation>Save draft</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="79" />
      <source>Gửi phiếu</source>
      <translation>Send survey</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="106" />
      <location filename="../../kcdesk/ui/surveys/page.py" line="133" />
      <source>Đọc phiếu khảo sát</source>
      <translation>Reading surveys</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="152" />
      <source>Phiếu đã gửi: chỉ xem</source>
      <translation>Survey sent: read-only</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="154" />
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="156" />
      <source>Có thay đổi chưa lưu</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="165" />
      <source>Chưa lưu: còn {n} mục cần sửa</source>
      <translation>Not saved: {n} items to fix</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="176" />
      <source>Gửi phiếu khảo sát</source>
      <translation>Sending the survey</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="176" />
      <source>Lưu nháp phiếu khảo sát</source>
      <translation>Saving the survey draft</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="187" />
      <source>Đã gửi phiếu</source>
      <translation>Survey sent</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/surveys/page.py" line="187" />
      <source>Đã lưu bản nháp</source>
      <translation>Draft saved</translation>
    </message>
  </context>
  <context>
    <name>SyncBadge</name>
    <message>
      <location filename="../../kcdesk/ui/sync/badge.py" line="34" />
      <source>Trạng thái đồng bộ của hồ sơ</source>
      <translation>The record's sync state</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/badge.py" line="60" />
      <source>Đọc trạng thái đồng bộ</source>
      <translation>Reading the sync state</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="39" />
      <source>Đồng bộ với máy chủ</source>
      <translation>Synchronisation with the server</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="42" />
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="45" />
      <source>Máy chủ</source>
      <translation>Server</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="46" />
      <source>Thay đổi chờ gửi</source>
      <translation>Changes waiting</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="47" />
      <source>Đồng bộ thành công lần cuối</source>
      <translation>Last successful sync</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="48" />
      <source>Lần tự đồng bộ tới</source>
      <translation>Next automatic sync</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="56" />
      <source>Đồng bộ ngay (F9)</source>
      <translation>Sync now (F9)</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="60" />
      <source>Đăng ký với máy chủ…</source>
      <translation>Enrol with a server…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="72" />
      <source>Máy chưa đăng ký với máy chủ thì làm việc ngoại tuyến; mọi thay đổi được giữ lại và gửi đi khi đăng ký. Dữ liệu mẫu không bao giờ được đồng bộ.</source>
      <translation>A laptop not enrolled with a server works offline; every change is kept and sent once it is enrolled. Demo data is never synced.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="83" />
      <location filename="../../kcdesk/ui/sync/page.py" line="85" />
      <source>Xung đột cần xử lý</source>
      <translation>Conflicts to resolve</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="84" />
      <location filename="../../kcdesk/ui/sync/page.py" line="86" />
      <source>Thay đổi bị từ chối</source>
      <translation>Refused changes</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="125" />
      <source>Máy này đã bị thu hồi quyền đồng bộ; các thay đổi vẫn được giữ trên máy.</source>
      <translation>This laptop's right to sync was revoked; its changes are kept on it.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="131" />
      <source>không tự đồng bộ</source>
      <translation>no automatic sync</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="133" />
      <source>khi bấm Đồng bộ ngay</source>
      <translation>when you press Sync now</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="135" />
      <source>sau khoảng {min} phút</source>
      <translation>in about {min} min</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="148" />
      <source>Đang đồng bộ…</source>
      <translation>Syncing…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="157" />
      <source>Đồng bộ xong.</source>
      <translation>Sync finished.</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="160" />
      <source>Chưa đồng bộ được: {reason}</source>
      <translation>Could not sync: {reason}</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="49" />
      <source>Lỗi gần nhất</source>
      <translation>Last error</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="113" />
      <source>Đọc trạng thái đồng bộ</source>
      <translation>Reading sync status</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="121" />
      <source>chưa đăng ký máy chủ</source>
      <translation>not enrolled</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/page.py" line="123" />
      <source>chưa đồng bộ</source>
      <translation>never synced</translation>
    </message>
  </context>
  <context>
    <name>SyncScheduler</name>
    <message>
      <location filename="../../kcdesk/ui/sync/scheduler.py" line="99" />
      <source>Đồng bộ với máy chủ</source>
      <translation>Syncing with the server</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/scheduler.py" line="118" />
      <source>Kiểm tra kết nối máy chủ</source>
      <translation>Checking the server connection</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusLabel</name>
    <message>
      <location filename="../../kcdesk/ui/sync/status.py" line="73" />
      <source>Trạng thái đồng bộ</source>
      <translation>Sync status</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/status.py" line="81" />
      <source>Đang đọc trạng thái đồng bộ…</source>
      <translation>Reading sync status…</translation>
    </message>
    <message>
      <location filename="../../kcdesk/ui/sync/status.py" line="89" />
      <source>Đọc trạng thái đồng bộ</source>
      <translation>Reading sync status</translation>
    </message>
  </context>
  <context>
    <name>Vocab</name>
    <message>
      <source>Doanh nghiệp siêu nhỏ</source>
      <translation>Micro enterprise</translation>
    </message>
    <message>
      <source>Doanh nghiệp nhỏ</source>
      <translation>Small enterprise</translation>
    </message>
    <message>
      <source>Doanh nghiệp vừa</source>
      <translation>Medium enterprise</translation>
    </message>
    <message>
      <source>Hợp tác xã</source>
      <translation>Cooperative</translation>
    </message>
    <message>
      <source>Tổ hợp tác</source>
      <translation>Cooperative group</translation>
    </message>
    <message>
      <source>Hộ kinh doanh</source>
      <translation>Household business</translation>
    </message>
    <message>
      <source>Loại hình khác</source>
      <translation>Other type</translation>
    </message>
    <message>
      <source>Đang hoạt động</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>Tạm ngừng hoạt động</source>
      <translation>Suspended</translation>
    </message>
    <message>
      <source>Đã chấm dứt hoạt động</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>Khuyến công quốc gia</source>
      <translation>National extension (KCQG)</translation>
    </message>
    <message>
      <source>Khuyến công địa phương</source>
      <translation>Provincial extension (KCĐP)</translation>
    </message>
    <message>
      <source>Đề án</source>
      <translation>Proposals</translation>
    </message>
    <message>
      <source>Đề án khuyến công điểm</source>
      <translation>Flagship proposal</translation>
    </message>
    <message>
      <source>Đề án lập theo nhóm</source>
      <translation>Group proposal</translation>
    </message>
    <message>
      <source>Nhiệm vụ</source>
      <translation>Task</translation>
    </message>
    <message>
      <source>Tạm ứng</source>
      <translation>Advance</translation>
    </message>
    <message>
      <source>Thanh toán</source>
      <translation>Payment</translation>
    </message>
    <message>
      <source>Quyết toán</source>
      <translation>Settlement</translation>
    </message>
    <message>
      <source>Đạt</source>
      <translation>Passed</translation>
    </message>
    <message>
      <source>Đạt một phần</source>
      <translation>Partly passed</translation>
    </message>
    <message>
      <source>Không đạt</source>
      <translation>Failed</translation>
    </message>
    <message>
      <source>Chủ trì</source>
      <translation>Chair</translation>
    </message>
    <message>
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Thư ký</source>
      <translation>Secretary</translation>
    </message>
    <message>
      <source>Đại diện đơn vị thực hiện</source>
      <translation>Implementing unit's representative</translation>
    </message>
    <message>
      <source>Đại diện đơn vị thụ hưởng</source>
      <translation>Beneficiary's representative</translation>
    </message>
    <message>
      <source>Đại diện chính quyền địa phương</source>
      <translation>Local government's representative</translation>
    </message>
    <message>
      <source>Bản nháp</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Đã gửi</source>
      <translation>Sent</translation>
    </message>
    <message>
      <source>Đã xem xét</source>
      <translation>Reviewed</translation>
    </message>
    <message>
      <source>Đã gắn với cơ sở</source>
      <translation>Linked to a facility</translation>
    </message>
    <message>
      <source>Dự thảo</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Đã đăng ký</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>Trả lại để hoàn thiện</source>
      <translation>Returned for completion</translation>
    </message>
    <message>
      <source>Không được chấp thuận</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Đã thẩm định cấp cơ sở</source>
      <translation>Appraised (first level)</translation>
    </message>
    <message>
      <source>Đã trình Bộ Công Thương</source>
      <translation>Submitted to the Ministry</translation>
    </message>
    <message>
      <source>Bộ đã thẩm định</source>
      <translation>Appraised by the Ministry</translation>
    </message>
    <message>
      <source>Đã phê duyệt kế hoạch</source>
      <translation>Approved in the plan</translation>
    </message>
    <message>
      <source>Đã ký hợp đồng</source>
      <translation>Contract signed</translation>
    </message>
    <message>
      <source>Đang thực hiện</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>Đề nghị điều chỉnh</source>
      <translation>Adjustment requested</translation>
    </message>
    <message>
      <source>Ngừng thực hiện</source>
      <translation>Stopped</translation>
    </message>
    <message>
      <source>Đã nghiệm thu</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>Nghiệm thu một phần</source>
      <translation>Partly accepted</translation>
    </message>
    <message>
      <source>Đã nộp hồ sơ quyết toán</source>
      <translation>Settlement papers submitted</translation>
    </message>
    <message>
      <source>Đã quyết toán</source>
      <translation>Settled</translation>
    </message>
    <message>
      <source>Đã đánh giá sau hỗ trợ</source>
      <translation>Evaluated after support</translation>
    </message>
    <message>
      <source>Cán bộ Trung tâm Khuyến công</source>
      <translation>Centre staff</translation>
    </message>
    <message>
      <source>Lãnh đạo Trung tâm</source>
      <translation>Centre leader</translation>
    </message>
    <message>
      <source>Kế toán</source>
      <translation>Accountant</translation>
    </message>
    <message>
      <source>Cán bộ thẩm định Sở Công Thương</source>
      <translation>Department reviewer</translation>
    </message>
    <message>
      <source>Cộng tác viên khuyến công</source>
      <translation>Extension collaborator</translation>
    </message>
    <message>
      <source>Cán bộ Bộ Công Thương</source>
      <translation>Ministry officer</translation>
    </message>
    <message>
      <source>Quản trị hệ thống</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>Tên cơ sở</source>
      <translation>Facility name</translation>
    </message>
    <message>
      <source>Loại hình</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Mã số thuế</source>
      <translation>Tax code</translation>
    </message>
    <message>
      <source>Số giấy chứng nhận đăng ký</source>
      <translation>Registration certificate no.</translation>
    </message>
    <message>
      <source>Ngày đăng ký</source>
      <translation>Registration date</translation>
    </message>
    <message>
      <source>Người đại diện</source>
      <translation>Representative</translation>
    </message>
    <message>
      <source>Chức vụ người đại diện</source>
      <translation>Representative's title</translation>
    </message>
    <message>
      <source>Điện thoại</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Thư điện tử</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Tỉnh/Thành phố</source>
      <translation>Province/City</translation>
    </message>
    <message>
      <source>Xã/Phường/Đặc khu</source>
      <translation>Commune/Ward</translation>
    </message>
    <message>
      <source>Thôn/Tổ dân phố</source>
      <translation>Village/Residential group</translation>
    </message>
    <message>
      <source>Địa chỉ</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Địa chỉ cũ (trước 01/7/2025)</source>
      <translation>Former address (before 1/7/2025)</translation>
    </message>
    <message>
      <source>Vĩ độ</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <source>Kinh độ</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <source>Ngành nghề</source>
      <translation>Sector</translation>
    </message>
    <message>
      <source>Sản phẩm chính</source>
      <translation>Main products</translation>
    </message>
    <message>
      <source>Số lao động</source>
      <translation>Workers</translation>
    </message>
    <message>
      <source>Số lao động có BHXH</source>
      <translation>Insured workers</translation>
    </message>
    <message>
      <source>Tổng vốn (đồng)</source>
      <translation>Total capital (VND)</translation>
    </message>
    <message>
      <source>Doanh thu năm trước (đồng)</source>
      <translation>Last year's revenue (VND)</translation>
    </message>
    <message>
      <source>Tỷ lệ nguyên liệu tại chỗ (%)</source>
      <translation>Local raw materials (%)</translation>
    </message>
    <message>
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Ghi chú</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Mã đề án</source>
      <translation>Proposal code</translation>
    </message>
    <message>
      <source>Tên đề án</source>
      <translation>Proposal title</translation>
    </message>
    <message>
      <source>Cấp</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Loại đề án</source>
      <translation>Proposal class</translation>
    </message>
    <message>
      <source>Năm kế hoạch</source>
      <translation>Plan year</translation>
    </message>
    <message>
      <source>Đơn vị thực hiện</source>
      <translation>Implementing unit</translation>
    </message>
    <message>
      <source>Ngày bắt đầu</source>
      <translation>Start date</translation>
    </message>
    <message>
      <source>Ngày kết thúc</source>
      <translation>End date</translation>
    </message>
    <message>
      <source>Số học viên dự kiến</source>
      <translation>Planned trainees</translation>
    </message>
    <message>
      <source>Số mô hình trình diễn dự kiến</source>
      <translation>Planned demonstration models</translation>
    </message>
    <message>
      <source>Số máy móc, thiết bị dự kiến</source>
      <translation>Planned machines and equipment</translation>
    </message>
    <message>
      <source>Số hội chợ, triển lãm dự kiến</source>
      <translation>Planned fairs and exhibitions</translation>
    </message>
    <message>
      <source>Số nhãn hiệu, thương hiệu dự kiến</source>
      <translation>Planned brands and trademarks</translation>
    </message>
    <message>
      <source>Có hợp đồng xuất khẩu</source>
      <translation>Has export contracts</translation>
    </message>
    <message>
      <source>Thuộc danh mục công nghiệp hỗ trợ</source>
      <translation>On the supporting-industry list</translation>
    </message>
    <message>
      <source>Áp dụng sản xuất sạch hơn</source>
      <translation>Applies cleaner production</translation>
    </message>
    <message>
      <source>Có sản phẩm CNNT tiêu biểu</source>
      <translation>Has an award-winning rural product</translation>
    </message>
    <message>
      <source>Tạo mới</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>Sửa</source>
      <translation>Edited</translation>
    </message>
    <message>
      <source>Xóa</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>Khôi phục</source>
      <translation>Restored</translation>
    </message>
    <message>
      <source>Chờ gửi</source>
      <translation>Waiting to send</translation>
    </message>
    <message>
      <source>Đang gửi</source>
      <translation>Sending</translation>
    </message>
    <message>
      <source>Đã đồng bộ</source>
      <translation>Synced</translation>
    </message>
    <message>
      <source>Bị từ chối</source>
      <translation>Refused</translation>
    </message>
    <message>
      <source>Xung đột</source>
      <translation>Conflict</translation>
    </message>
    <message>
      <source>Ngoài phạm vi</source>
      <translation>Out of scope</translation>
    </message>
    <message>
      <source>Tạm giữ</source>
      <translation>Parked</translation>
    </message>
    <message>
      <source>Chỉ trên máy này</source>
      <translation>Only on this laptop</translation>
    </message>
    <message>
      <source>Cơ sở CNNT</source>
      <translation>Facility</translation>
    </message>
    <message>
      <source>Biên bản nghiệm thu</source>
      <translation>Acceptance record</translation>
    </message>
    <message>
      <source>Thành viên nghiệm thu</source>
      <translation>Acceptance member</translation>
    </message>
    <message>
      <source>Nội dung nghiệm thu</source>
      <translation>Acceptance item</translation>
    </message>
    <message>
      <source>Dòng kinh phí</source>
      <translation>Budget line</translation>
    </message>
    <message>
      <source>Giải ngân</source>
      <translation>Disbursement</translation>
    </message>
    <message>
      <source>Phiếu khảo sát</source>
      <translation>Survey</translation>
    </message>
    <message>
      <source>Nhu cầu khảo sát</source>
      <translation>Survey need</translation>
    </message>
    <message>
      <source>Tệp đính kèm</source>
      <translation>Attachment</translation>
    </message>
    <message>
      <source>Người dùng</source>
      <translation>User</translation>
    </message>
    <message>
      <source>Thêm mới</source>
      <translation>New</translation>
    </message>
    <message>
      <source>Thay đổi đưa bản ghi ra ngoài nơi máy này được ghi: sửa tỉnh/xã lại cho đúng rồi lưu, hoặc bỏ thay đổi này.</source>
      <translation>The change moves the record outside where this laptop may write: correct the province/commune and save, or discard this change.</translation>
    </message>
    <message>
      <source>Vai trò của anh/chị chỉ được xem dữ liệu này: bỏ thay đổi này, hoặc nhờ người có quyền sửa.</source>
      <translation>Your role may only read this data: discard this change, or ask someone who may edit it.</translation>
    </message>
    <message>
      <source>Hồ sơ đã khóa trên máy chủ: bỏ thay đổi này; nếu cần sửa, hãy làm theo thủ tục điều chỉnh.</source>
      <translation>The record is locked on the server: discard this change; to change it, follow the adjustment procedure.</translation>
    </message>
    <message>
      <source>Trạng thái trên máy chủ đã khác: mở đề án, xem trạng thái hiện tại rồi làm lại bước này.</source>
      <translation>The status on the server has moved on: open the proposal, check its current status, then redo this step.</translation>
    </message>
    <message>
      <source>Sửa giá trị được nêu rồi lưu lại; thay đổi mới sẽ được gửi ở lần đồng bộ sau.</source>
      <translation>Correct the value named, then save; the new change is sent at the next sync.</translation>
    </message>
    <message>
      <source>Xử lý thay đổi của bản ghi liên quan (ở dòng phía trên) trước.</source>
      <translation>Deal with the related record's change (a row above) first.</translation>
    </message>
    <message>
      <source>Bản ghi liên quan chưa có trên máy chủ: xử lý bản ghi đó trước.</source>
      <translation>The related record is not on the server yet: deal with it first.</translation>
    </message>
    <message>
      <source>Bản ghi liên quan đã bị xóa trên máy chủ: bỏ thay đổi này.</source>
      <translation>The related record was deleted on the server: discard this change.</translation>
    </message>
    <message>
      <source>Bản ghi không còn trên máy chủ: bỏ thay đổi này.</source>
      <translation>The record is no longer on the server: discard this change.</translation>
    </message>
    <message>
      <source>Người dùng do máy chủ quản lý: bỏ thay đổi này và nhờ quản trị sửa trên máy chủ.</source>
      <translation>Users are managed by the server: discard this change and ask the administrator to edit it there.</translation>
    </message>
    <message>
      <source>Nộp hồ sơ đăng ký</source>
      <translation>Submit the registration</translation>
    </message>
    <message>
      <source>Trả lại để hoàn thiện (Sở)</source>
      <translation>Return for completion (Department)</translation>
    </message>
    <message>
      <source>Bộ trả lại để hoàn thiện</source>
      <translation>Returned by the Ministry</translation>
    </message>
    <message>
      <source>Không chấp thuận</source>
      <translation>Reject</translation>
    </message>
    <message>
      <source>Bộ không chấp thuận</source>
      <translation>Rejected by the Ministry</translation>
    </message>
    <message>
      <source>Thẩm định cấp cơ sở (đạt)</source>
      <translation>Appraise (first level, passed)</translation>
    </message>
    <message>
      <source>Trình Bộ Công Thương</source>
      <translation>Submit to the Ministry</translation>
    </message>
    <message>
      <source>Bộ thẩm định (đạt)</source>
      <translation>Ministry appraisal (passed)</translation>
    </message>
    <message>
      <source>Phê duyệt vào kế hoạch</source>
      <translation>Approve into the plan</translation>
    </message>
    <message>
      <source>Phê duyệt vào kế hoạch (UBND tỉnh)</source>
      <translation>Approve into the plan (Provincial People's Committee)</translation>
    </message>
    <message>
      <source>Ký hợp đồng / giao nhiệm vụ</source>
      <translation>Sign the contract / assign the task</translation>
    </message>
    <message>
      <source>Tạm ứng lần đầu, bắt đầu thực hiện</source>
      <translation>First advance, start work</translation>
    </message>
    <message>
      <source>Chấp thuận điều chỉnh</source>
      <translation>Approve the adjustment</translation>
    </message>
    <message>
      <source>Nghiệm thu (đạt)</source>
      <translation>Accept (passed)</translation>
    </message>
    <message>
      <source>Nộp hồ sơ quyết toán</source>
      <translation>Submit settlement papers</translation>
    </message>
    <message>
      <source>Phê duyệt quyết toán</source>
      <translation>Approve the settlement</translation>
    </message>
    <message>
      <source>Đánh giá sau hỗ trợ</source>
      <translation>Post-support evaluation</translation>
    </message>
    <message>
      <source>Thông tin chung</source>
      <translation>General</translation>
    </message>
    <message>
      <source>Người đại diện và liên hệ</source>
      <translation>Representative and contacts</translation>
    </message>
    <message>
      <source>Quy mô</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Đặc điểm</source>
      <translation>Features</translation>
    </message>
    <message>
      <source>Mở bản ghi để xem và sửa, hoặc bỏ thay đổi này.</source>
      <translation>Open the record to check and correct it, or discard this change.</translation>
    </message>
    <message>
      <source>Bản ghi mới này chưa lên máy chủ: mở bản ghi, sửa theo lý do rồi bấm “Gửi lại”; nếu nó không thuộc phạm vi của máy này, bỏ thay đổi này và nhờ người có quyền nhập cho đúng nơi.</source>
      <translation>This new record never reached the server: open the record, correct it as the reason says, then press “Send again”; if it is outside this laptop's scope, discard this change and ask someone allowed to enter it in the right place.</translation>
    </message>
    <message>
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Kinh phí khuyến công</source>
      <translation>Extension funds</translation>
    </message>
    <message>
      <source>Vốn đối ứng</source>
      <translation>Counterpart funds</translation>
    </message>
    <message>
      <source>Chế biến nông, lâm, thủy sản và chế biến thực phẩm</source>
      <translation>Agricultural, forestry, aquatic and food processing</translation>
    </message>
    <message>
      <source>Sản xuất hàng tiêu dùng, hàng xuất khẩu, hàng thay thế hàng nhập khẩu</source>
      <translation>Consumer goods, exports and import substitutes</translation>
    </message>
    <message>
      <source>Hóa chất phục vụ nông nghiệp, nông thôn; vật liệu xây dựng</source>
      <translation>Chemicals for agriculture and rural areas; building materials</translation>
    </message>
    <message>
      <source>Cơ khí, điện, điện tử: sản xuất, lắp ráp, sửa chữa; linh kiện; công nghiệp hỗ trợ</source>
      <translation>Mechanics, electrics, electronics: making, assembly, repair; parts; supporting industry</translation>
    </message>
    <message>
      <source>Sản xuất sản phẩm, hàng thủ công mỹ nghệ</source>
      <translation>Handicrafts</translation>
    </message>
    <message>
      <source>Khai thác, chế biến khoáng sản tại địa bàn có điều kiện kinh tế - xã hội khó khăn</source>
      <translation>Mining and mineral processing in disadvantaged areas</translation>
    </message>
    <message>
      <source>Áp dụng sản xuất sạch hơn; xử lý ô nhiễm môi trường tại cụm công nghiệp, cơ sở CNNT</source>
      <translation>Cleaner production; pollution treatment at industrial clusters and rural facilities</translation>
    </message>
    <message>
      <source>Nộp hồ sơ đăng ký đề án KCQG cho Sở Công Thương</source>
      <translation>Submit KCQG proposal papers to the Department of Industry and Trade</translation>
    </message>
    <message>
      <source>Sở Công Thương gửi hồ sơ đề án KCQG về Bộ Công Thương</source>
      <translation>Department sends KCQG proposal papers to the Ministry</translation>
    </message>
    <message>
      <source>Báo cáo tiến độ thực hiện hằng tháng (Mẫu 3a)</source>
      <translation>Monthly progress report (Form 3a)</translation>
    </message>
    <message>
      <source>Nộp hồ sơ quyết toán sau nghiệm thu</source>
      <translation>Submit settlement papers after acceptance</translation>
    </message>
    <message>
      <source>Hoàn thành thanh lý hợp đồng và quyết toán</source>
      <translation>Close the contract and settle</translation>
    </message>
    <message>
      <source>Đánh giá hiệu quả sau hỗ trợ tại cơ sở được hỗ trợ</source>
      <translation>Post-support evaluation at the supported facility</translation>
    </message>
  </context>
</TS>