"""English for personal data protection (issue 13: the data subject's rights, notice at
collection, the access trail). Merged into kcdesk.locale_en.EN."""

PRIVACY: dict[str, str] = {
    # notice at collection
    "Ngày thông báo xử lý dữ liệu cá nhân": "Date the person was informed about data processing",
    "Người thông báo": "Informed by",
    "Hãy ghi ngày đã thông báo xử lý dữ liệu cá nhân.": "Enter the date the person was informed about data processing.",
    "Hãy ghi người đã thông báo cho chủ thể dữ liệu (họ tên cán bộ).": (
        "Enter who informed the data subject (the officer's full name)."
    ),
    "Ngày thông báo '{value}' không đúng dạng dd/mm/yyyy.": "The notice date '{value}' is not a dd/mm/yyyy date.",
    "Ngày thông báo xử lý dữ liệu cá nhân không được sau hôm nay.": "The notice date cannot be after today.",
    "Đã thông báo xử lý dữ liệu cá nhân": "Informed about data processing",
    "Chưa ghi việc thông báo xử lý dữ liệu cá nhân": "No notice about data processing recorded",
    "chỉ các cơ sở chưa ghi việc thông báo xử lý dữ liệu cá nhân": (
        "only facilities with no notice about data processing recorded"
    ),
    "ngày đã thông báo xử lý dữ liệu cá nhân cho người đại diện (dd/mm/yyyy)": (
        "date the representative was informed about data processing (dd/mm/yyyy)"
    ),
    "ngày đã thông báo xử lý dữ liệu cá nhân cho người được khảo sát (dd/mm/yyyy)": (
        "date the person surveyed was informed about data processing (dd/mm/yyyy)"
    ),
    "người đã thông báo (họ tên cán bộ)": "who informed them (the officer's full name)",
    # finding a person
    "Người cần tìm": "Person",
    "'{value}' không phải họ tên, số điện thoại hay số định danh. Hãy ghi đủ họ và tên (ví dụ Nguyễn Văn Ba), "
    "số điện thoại 10 chữ số, hoặc số CCCD 12 chữ số / CMND 9 chữ số.": (
        "'{value}' is not a full name, a phone number or an ID number. Enter the full name (e.g. Nguyễn Văn Ba), "
        "a 10-digit phone number, or a 12-digit citizen ID / 9-digit identity card number."
    ),
    "quyền của chủ thể dữ liệu cá nhân và nhật ký truy cập": "the data subject's rights and the access trail",
    "họ tên, số điện thoại hoặc số định danh (CCCD 12 số, CMND 9 số)": (
        "full name, phone number or ID number (12-digit citizen ID, 9-digit identity card)"
    ),
    "tìm mọi hồ sơ có dữ liệu của một người": "find every record holding a person's data",
    "lập báo cáo dữ liệu cá nhân của một người": "write the report of a person's data",
    "tệp kết quả .pdf hoặc .json": "output file .pdf or .json",
    "xóa dữ liệu cá nhân của một người theo yêu cầu": "erase a person's data at their request",
    "lý do xóa (ví dụ: đơn yêu cầu ngày 05/12/2026)": "reason for the erasure (e.g. request dated 05/12/2026)",
    "chỉ cho biết sẽ xóa gì, không thay đổi dữ liệu": "only say what would be erased; change nothing",
    "nhật ký truy cập dữ liệu cá nhân (lãnh đạo Trung tâm)": "the access trail of personal data (centre leader)",
    "Không có hồ sơ nào chứa dữ liệu của '{query}'.": "No record holds data of '{query}'.",
    "{n} hồ sơ có dữ liệu của '{query}':": "{n} records hold data of '{query}':",
    "Tệp kết quả phải có đuôi .pdf hoặc .json (nhận được '{value}').": (
        "The output file must end in .pdf or .json (got '{value}')."
    ),
    "Đã ghi báo cáo {n} hồ sơ vào {path}": "Wrote the report of {n} records to {path}",
    # erasure
    "Hãy ghi lý do xóa (ví dụ: yêu cầu của chủ thể dữ liệu ngày 05/12/2026).": (
        "Enter the reason for the erasure (e.g. the data subject's request of 05/12/2026)."
    ),
    "Sẽ xóa dữ liệu ở {n} hồ sơ:": "Would erase data in {n} records:",
    "Đã xóa dữ liệu ở {n} hồ sơ:": "Erased data in {n} records:",
    "Giữ lại {n} hồ sơ theo quy định:": "Kept {n} records as the law requires:",
    "Cơ sở là đơn vị thụ hưởng kinh phí của đề án {codes} đã quyết toán: giữ tên, mã số thuế và người đại diện "
    "như trên chứng từ kế toán, lưu trữ 10 năm (Luật Kế toán 2015, Điều 41; Nghị định 174/2016/NĐ-CP, Điều 12). "
    "Điện thoại, thư điện tử và địa chỉ đã xóa.": (
        "The facility received the funds of settled proposal {codes}: its name, tax code and representative are "
        "kept as on the accounting vouchers, which are kept for 10 years (Law on Accounting 2015, Article 41; "
        "Decree 174/2016/NĐ-CP, Article 12). Phone, email and address were erased."
    ),
    "Biên bản nghiệm thu {number} đã ký: giữ nguyên họ tên, chức vụ và bản quét như khi ký, vì biên bản là chứng "
    "từ thanh toán của đề án {code} (Luật Kế toán 2015, Điều 41; Nghị định 174/2016/NĐ-CP, Điều 12).": (
        "Acceptance record {number} is signed: the name, position and scans stay as signed, since the record is a "
        "payment voucher of proposal {code} (Law on Accounting 2015, Article 41; Decree 174/2016/NĐ-CP, "
        "Article 12)."
    ),
    "Chỉ là liên kết tới cơ sở trong đề án {code}, không chứa dữ liệu cá nhân riêng.": (
        "Only a link to the facility in proposal {code}; it holds no personal data of its own."
    ),
    "Đơn vị thụ hưởng của đề án {code} đã quyết toán: giữ như chứng từ kế toán (Luật Kế toán 2015, Điều 41).": (
        "Beneficiary of settled proposal {code}: kept as an accounting voucher (Law on Accounting 2015, Article 41)."
    ),
    "Tệp của cơ sở thụ hưởng đề án đã quyết toán: giữ cùng chứng từ kế toán (Luật Kế toán 2015, Điều 41).": (
        "A file of a facility that received a settled proposal's funds: kept with the accounting vouchers "
        "(Law on Accounting 2015, Article 41)."
    ),
    "Bản quét của biên bản nghiệm thu đã ký: giữ như khi ký.": "A scan of a signed acceptance record: kept as signed.",
    "Bản sao lưu có dữ liệu cá nhân đã bị xóa theo yêu cầu của chủ thể dữ liệu ({n} lần xóa, lần gần nhất ngày "
    "{at}). kcdesk đã xóa lại các dữ liệu đó ngay sau khi khôi phục: chúng không quay lại.": (
        "The backup holds personal data that was erased at the data subject's request ({n} erasures, the latest "
        "on {at}). kcdesk erased that data again right after the restore: it does not come back."
    ),
    # access trail
    "Mở hồ sơ": "Opened",
    "In": "Printed",
    "Xuất dữ liệu": "Exported",
    "Lập báo cáo dữ liệu cá nhân": "Reported personal data",
    "Xóa dữ liệu cá nhân": "Erased personal data",
    "Chưa có truy cập dữ liệu cá nhân nào.": "No access to personal data yet.",
    "Chỉ Lãnh đạo Trung tâm hoặc Quản trị hệ thống được {doing}. Hãy nhờ lãnh đạo Trung tâm thực hiện.": (
        "Only the centre leader or the administrator may {doing}. Ask the centre leader to do it."
    ),
    "xem nhật ký truy cập dữ liệu cá nhân": "read the access trail of personal data",
    "xóa dữ liệu cá nhân": "erase personal data",
    # the server's rule book
    "Cộng tác viên không được xóa dữ liệu cá nhân.": "A collaborator may not erase personal data.",
    "Nhật ký truy cập dữ liệu cá nhân không sửa được.": "The access trail of personal data cannot be edited.",
    "Thao tác '{action}' không có trong nhật ký truy cập.": "'{action}' is not an action of the access trail.",
    "Bản ghi xóa dữ liệu cá nhân không sửa được.": "An erasure record cannot be changed.",
    "Danh sách bản ghi bị xóa dữ liệu không đúng dạng.": "The list of erased records is malformed.",
    "Bản ghi xóa dữ liệu nêu {table} {row_id} nhưng máy chủ không thấy dữ liệu đã được xóa ở đó.": (
        "The erasure names {table} {row_id}, but the server does not see the data erased there."
    ),
    # The window (facility form, register filter, access trail on opening a profile).
    "Thông báo xử lý dữ liệu cá nhân": "Personal data notice",
    "Ghi ngày và người đã thông báo cho chủ cơ sở về việc thu thập, xử lý dữ liệu cá nhân của họ.": (
        "Record when and by whom the facility's owner was told that their personal data is collected and processed."
    ),
    "Tôi vừa thông báo hôm nay": "I informed them today",
    "Chưa thông báo dữ liệu cá nhân": "No personal data notice",
    "Chỉ hiện cơ sở chưa ghi ngày thông báo xử lý dữ liệu cá nhân": (
        "Show only facilities with no recorded personal data notice"
    ),
    "Ghi nhật ký truy cập": "Recording the access trail",
}
