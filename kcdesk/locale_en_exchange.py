"""English for the Excel import's readings of local words and of units from before the
1 July 2025 reform (kcdesk.exchange.facility_import, facility_units), and for the
proposal workbook's import (kcdesk.exchange.proposal_*: refusals, notes, the changes).

Merged into kcdesk.locale_en.EN; kept apart so each area can own its block.
"""

EXCHANGE: dict[str, str] = {
    "'{value}' được hiểu là {label} '{entry}'.": "'{value}' was read as {label} '{entry}'.",
    "{label} '{value}' chưa rõ, có thể là: {options}. Hãy ghi đúng tên hoặc mã trong danh mục.": "{label} '{value}' is unclear; it may be: {options}. Write the catalogue's name or code.",
    "{label} '{value}' không có trong danh mục; gần nhất là: {options}. Hãy ghi đúng tên hoặc "
    "mã trong danh mục.": "{label} '{value}' is not in the catalogue; the closest are: {options}. Write the catalogue's name or code.",
    "'{value}' là tỉnh/thành phố trước 01/7/2025, nay là {new}: đã ghi tỉnh/thành phố hiện hành là {new}; "
    "địa chỉ cũ giữ nguyên như đã ghi.": "'{value}' is a province from before 1 July 2025, now {new}: recorded as {new}; the old address is kept as written.",
    "'{value}' là xã/phường trước 01/7/2025, đã nhập toàn bộ vào {new}: đã ghi xã/phường hiện hành là "
    "{new}; địa chỉ cũ giữ nguyên như đã ghi.": "'{value}' is a commune from before 1 July 2025, merged whole into {new}: recorded as {new}; the old address is kept as written.",
    "'{value}' (trước 01/7/2025) đã được chia vào: {names}. Đã giữ trong địa chỉ cũ, chưa gán "
    "xã/phường hiện hành; hãy chọn sau.": "'{value}' (before 1 July 2025) was divided between: {names}. Kept as the old address, no current ward set; choose one later.",
    "'{value}': trước 01/7/2025 có {n} xã/phường cùng tên ({names}); đã giữ trong địa chỉ cũ, chưa gán "
    "xã/phường hiện hành. Ghi thêm cột 'Quận/Huyện (trước 01/7/2025)' để xác định.": "'{value}': before 1 July 2025, {n} communes had this name ({names}); kept as the old address, no current ward set. "
    "Add the column 'Quận/Huyện (trước 01/7/2025)' to tell them apart.",
    "Không có quận/huyện '{value}' trong danh mục trước 01/7/2025; đã bỏ qua cột này.": "No district '{value}' in the list before 1 July 2025; the column was ignored.",
    "'{value}' không thuộc '{district}' theo danh mục trước 01/7/2025; hãy kiểm tra lại xã/phường "
    "hoặc quận/huyện.": "'{value}' was not in '{district}' before 1 July 2025; check the commune or the district.",
    # The proposal workbook: the outcome and its changes
    "Trang '{sheet}', dòng {row}, cột '{column}': {reason}": "Sheet '{sheet}', row {row}, column '{column}': {reason}",
    " (dòng {row})": " (row {row})",
    "Đề án mới {code}{where}": "New proposal {code}{where}",
    "Đề án {code}{where} thay đổi:": "Proposal {code}{where} changes:",
    "Đề án {code}{where} không đổi.": "Proposal {code}{where} is unchanged.",
    "{new} đề án mới, {changed} đề án thay đổi, {same} đề án không đổi": "{new} new proposals, {changed} changed "
    "proposals, {same} unchanged",
    "Kiểm tra thử (không ghi gì): {rows} dòng dữ liệu, {bad} dòng có lỗi; nếu nhập: {records}.": "Dry run (nothing "
    "written): {rows} data rows, {bad} with problems; importing would give: {records}.",
    "Không ghi gì: {bad} dòng có lỗi trong {rows} dòng. Hãy sửa tệp, hoặc dùng --skip-invalid để chỉ nhập các đề án "
    "không có lỗi.": "Nothing written: {bad} of {rows} rows have problems. Correct the file, or use --skip-invalid to "
    "import the proposals without problems only.",
    "Không ghi gì: tệp thay đổi {changed} đề án đã có (xem các thay đổi ở trên). Nếu đúng, hãy nhập lại với --update "
    "để ghi cả các thay đổi đó.": "Nothing written: the file changes {changed} recorded proposals (see the changes "
    "above). If they are right, import again with --update to write them too.",
    "Đã nhập: {records}; bỏ qua {bad} dòng có lỗi.": "Imported: {records}; {bad} rows with problems left out.",
    "Thay đổi ({n} đề án):": "Changes ({n} proposals):",
    "ghi cả thay đổi của đề án đã có (xem trước bằng --dry-run)": "also write the changes to recorded proposals "
    "(see them first with --dry-run)",
    "(trống)": "(empty)",
    "Có": "Yes",
    "Không": "No",
    "{before} → {after}": "{before} → {after}",
    "thêm {values}": "add {values}",
    "bỏ {values}": "remove {values}",
    "dòng dự toán {n}: {before} → {after}": "budget line {n}: {before} → {after}",
    "thêm dòng dự toán {n}: {item}, {kc}": "add budget line {n}: {item}, {kc}",
    "bỏ dòng dự toán {n}: {item}, {kc}": "remove budget line {n}: {item}, {kc}",
    "thêm khoản {entry}": "add the entry {entry}",
    "khoản {entry}": "entry {entry}",
    "dự toán {n} dòng: khuyến công {kc}, đối ứng {cp}, nguồn khác {ot}": "budget of {n} lines: industrial extension {kc}, counterpart {cp}, other {ot}",
    # The proposal workbook: what the sheets must agree on
    "Tệp {path} không có trang '{sheet}' (hay trang dữ liệu nào khác của đề án). Hãy tải mẫu bằng lệnh: kcdesk "
    "import template proposals mau.xlsx": "The file {path} has no sheet '{sheet}' (nor any other proposal data "
    "sheet). Get the template with: kcdesk import template proposals mau.xlsx",
    "Không tìm thấy dòng tiêu đề trong {limit} dòng đầu của trang '{sheet}' (tệp {path}): cần các cột {needed}; các "
    "cột nhận ra được: {found}. Hãy tải mẫu bằng lệnh: kcdesk import template.": "No header row in the first {limit} "
    "rows of the sheet '{sheet}' (file {path}): the columns {needed} are needed; recognised: {found}. Get the "
    "template with: kcdesk import template.",
    "Kết luận '{value}' không dùng được: đề án chỉ qua bước nghiệm thu khi kết luận là Đạt hoặc Đạt một phần.": "The "
    "conclusion '{value}' cannot be used: a proposal passes acceptance only with 'Đạt' or 'Đạt một phần'.",
    "Loại khoản '{value}' không đúng; hãy ghi Tạm ứng, Thanh toán hoặc Quyết toán.": "Entry kind '{value}' is not "
    "valid; write Tạm ứng, Thanh toán or Quyết toán.",
    "Nguồn kinh phí '{value}' không đúng; hãy ghi Kinh phí khuyến công, Vốn đối ứng hoặc Nguồn khác.": "Fund source "
    "'{value}' is not valid; write Kinh phí khuyến công, Vốn đối ứng or Nguồn khác.",
    "Mã đề án {code} không có ở trang Đề án và chưa có trong dữ liệu; hãy thêm đề án vào trang Đề án.": "Proposal "
    "code {code} is neither on the proposal sheet nor recorded; add the proposal to the sheet 'Đề án'.",
    "STT {n} của đề án {code} trùng với dòng {first}.": "Line number {n} of proposal {code} repeats row {first}.",
    "Tổng các dòng của đề án ở trang '{sheet}' là {total} đồng, khác số ghi ở đây; hãy sửa cho khớp (hoặc để trống ô "
    "này).": "The proposal's lines on the sheet '{sheet}' add up to {total} đồng, not what is written here; make them "
    "agree (or leave this cell empty).",
    "Đề án {code} đã có các khoản ở trang '{sheet}': hãy ghi mọi khoản tiền ở đó và để trống ô này.": "Proposal {code} "
    "already has entries on the sheet '{sheet}': write all its money there and leave this cell empty.",
    "Ngày quyết toán phải là một ngày cho mọi nguồn ({on}, ngày phê duyệt quyết toán).": "The settlement has one date "
    "for every source ({on}, the day the settlement was approved).",
    "Số chứng từ của khoản quyết toán phải là số quyết định quyết toán {document}.": "A settlement entry's voucher number must be the settlement decision's number {document}.",
    # The proposal workbook: the lifecycle and the records
    "Trạng thái 'Đã đánh giá sau hỗ trợ' cần phiếu đánh giá sau hỗ trợ: hãy nhập đề án với trạng thái Đã quyết toán, "
    "rồi lập phiếu đánh giá (kcdesk evaluation create) và chuyển bước đánh giá.": "The status 'Evaluated after "
    "support' needs a post-support evaluation: import the proposal as settled ('Đã quyết toán'), then make the "
    "evaluation (kcdesk evaluation create) and take the evaluation step.",
    "Kết luận này không đưa đề án đến trạng thái '{status}'.": "This conclusion does not take the proposal to the "
    "status '{status}'.",
    "Không đến được trạng thái '{status}' theo quy trình đề án {level}.": "The status '{status}' is not on the way of "
    "a {level} proposal.",
    "Không đi được từ trạng thái đã ghi '{current}' đến '{status}' theo quy trình đề án {level}; không lùi trạng thái "
    "bằng cách nhập.": "The recorded status '{current}' does not lead to '{status}' for a {level} proposal; an import "
    "never takes a status back.",
    "Trạng thái '{status}' không qua bước dùng ô này; hãy sửa Trạng thái hoặc để trống ô này.": "The status "
    "'{status}' does not pass the step this cell belongs to; correct the status or leave this cell empty.",
    "Để đến trạng thái '{status}', đề án qua bước '{step}': hãy ghi ngày của bước này.": "To reach the status "
    "'{status}' the proposal passes the step '{step}': write the date of that step.",
    "Ngày {on} trước ngày {previous} của bước trước ({step}); các bước phải theo thứ tự thời gian.": "The date {on} is "
    "before {previous}, the date of the step before ({step}); steps follow each other in time.",
    "Bước '{step}' ghi biên bản nghiệm thu đã ký: hãy ghi ô này.": "The step '{step}' records a signed acceptance "
    "record: fill in this cell.",
    "Các bước chưa có ngày trong tệp, ghi theo ngày của bước liền kề: {steps}.": "Steps without a date in the file, "
    "recorded on the date of the step next to them: {steps}.",
    "Lịch sử của đề án không có bước này; giá trị trong tệp không được ghi.": "The proposal's history has no such "
    "step; the value in the file is not recorded.",
    "Bước '{step}' đã ghi {recorded}; không sửa bước đã qua bằng cách nhập: hãy ghi đúng như đã ghi hoặc để trống ô "
    "này.": "The step '{step}' is recorded with {recorded}; an import does not change past steps: write it as "
    "recorded or leave this cell empty.",
    "Biên bản nghiệm thu {number} đã ký và khóa, ghi {recorded}; hãy ghi đúng như biên bản hoặc để trống ô này.": "The "
    "acceptance record {number} is signed and locked with {recorded}; write it as the record has it or leave this "
    "cell empty.",
    "Khoản quyết toán chỉ ghi khi đề án qua bước quyết toán (trạng thái 'Đã quyết toán', có ngày quyết toán); hãy sửa "
    "Trạng thái hoặc bỏ khoản này.": "A settlement entry is recorded only once the proposal has passed the settlement step (status 'Đã quyết toán', with its date); correct the status or remove this entry.",
    "Để quyết toán, hãy ghi số quyết toán (ô này, hoặc dòng Quyết toán ở trang Giải ngân).": "To settle, write the "
    "settled amount (in this cell, or as a 'Quyết toán' row on the sheet 'Giải ngân').",
    "Mỗi nguồn kinh phí chỉ có một khoản quyết toán.": "Each fund source has one settlement only.",
    "Không đến được trạng thái '{status}' qua các bước có ngày trong tệp (ngừng thực hiện, nghiệm thu); hãy kiểm tra "
    "lại Trạng thái và các ngày đó.": "The status '{status}' cannot be reached through the steps dated in the file "
    "(stop, acceptance); check the status and those dates.",
    "Không ghi được đề án {code}; hãy báo lỗi này cho bộ phận hỗ trợ.": "Proposal {code} could not be written; "
    "report this to support.",
    "Đề án ở trạng thái '{status}' đã khóa, không ghi được thay đổi này ({change}); hãy ghi như đã ghi trong dữ "
    "liệu.": "The proposal is '{status}' and locked; this change cannot be written ({change}); write it as recorded.",
    "Đề án đã có {n} dòng dự toán (tổng {total}); để sửa dự toán, hãy ghi từng dòng ở trang Dự toán.": "The proposal "
    "has {n} budget lines (total {total}); to change its budget, write each line on the sheet 'Dự toán'.",
    "Đề án đã ghi thuộc {recorded}; không đổi tỉnh/thành phố của đề án bằng cách nhập.": "The recorded proposal "
    "belongs to {recorded}; an import does not change a proposal's province.",
    "Khoản này đã ghi rồi được đảo ngày {on}; không ghi lại.": "This entry was recorded and reversed on {on}; it is "
    "not recorded again.",
    "Khoản đã ghi {entry} không có trong tệp; giữ nguyên (nếu sai, hãy đảo khoản này: kcdesk money reverse {id}).": "The"
    " recorded entry {entry} is not in the file; it is kept (if it is wrong, reverse it: kcdesk money reverse {id}).",
}
