"""English for the document settings (`kcdesk settings`): the issuing office and the
periodic report's receivers. Printed documents themselves stay Vietnamese.

Merged into kcdesk.locale_en.EN; kept apart so each area can own its block.
"""

DOCUMENTS: dict[str, str] = {
    "tên cơ quan in trên văn bản và nơi nhận báo cáo định kỳ": "the office named on documents and the receivers of the periodic report",
    "cơ quan chủ quản, ví dụ Sở Công Thương tỉnh Nghệ An": "the parent agency, e.g. Sở Công Thương tỉnh Nghệ An",
    "tên cơ quan ban hành, ví dụ Trung tâm Khuyến công": "the issuing office, e.g. Trung tâm Khuyến công",
    "chữ viết tắt trong số văn bản, ví dụ TTKC": "the abbreviation in document numbers, e.g. TTKC",
    "NƠI_NHẬN": "RECEIVER",
    "một nơi nhận báo cáo định kỳ; lặp lại cho mỗi nơi, theo thứ tự in": "one receiver of the periodic report; repeat for each, in printing order",
    "dùng lại danh sách nơi nhận mặc định": "go back to the default receivers",
    " (mặc định)": " (default)",
    "Cơ quan chủ quản: {value}": "Parent agency: {value}",
    "Cơ quan ban hành: {value}": "Issuing office: {value}",
    "Địa danh: {value}": "Place: {value}",
    "Chữ viết tắt: {value}": "Abbreviation: {value}",
    "Nơi nhận báo cáo định kỳ:": "Receivers of the periodic report:",
    "Cơ quan chủ quản": "Parent agency",
    # The window's dialog (kcdesk/ui/reports/document_settings_dialog.py).
    "Thông tin cơ quan và nơi nhận": "Office and receivers",
    "Thông tin cơ quan và nơi nhận…": "Office and receivers…",
    "Tên cơ quan in ở góc trái văn bản và nơi nhận của báo cáo định kỳ. Ô để trống được lấy "
    "theo tỉnh khi in. Mỗi dòng trong ô Nơi nhận là một nơi, theo thứ tự in.": "The office named in the top "
    "left corner of documents and the receivers of the periodic report. An empty box is filled in from the "
    "province when printing. Each line of the receivers box is one receiver, in printing order.",
    "Dùng nơi nhận mặc định": "Use the default receivers",
    "(danh sách mặc định theo tỉnh)": "(the province's default list)",
    "Tên cơ quan ban hành": "Issuing office",
    "Địa danh": "Place",
    "Chữ viết tắt trong số văn bản": "Abbreviation in document numbers",
    "Nơi nhận báo cáo định kỳ": "Receivers of the periodic report",
    "Không được để trống.": "Must not be empty.",
    "Dài quá {n} ký tự.": "Longer than {n} characters.",
    "Chữ viết tắt '{value}' chỉ gồm chữ in hoa, chữ số, dấu chấm hoặc gạch ngang, "
    "không có dấu cách hay dấu /; ví dụ TTKC.": "The abbreviation '{value}' may only hold capital letters, digits, dots or hyphens, "
    "no spaces or slashes; e.g. TTKC.",
    "Hãy ghi ít nhất một nơi nhận, hoặc dùng danh sách mặc định.": "Give at least one receiver, or use the default list.",
    "Nhiều nhất {n} nơi nhận.": "At most {n} receivers.",
    "Mỗi nơi nhận dài không quá {n} ký tự.": "Each receiver may be at most {n} characters long.",
}
