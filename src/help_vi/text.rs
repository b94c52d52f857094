//! The Vietnamese texts of the command line, by command path and argument id. The English
//! ones are the `///` comments and `after_help` in `cli.rs` and `commands/*.rs`.

/// `(command path, about)`; the root command is `""`. The copies under `help`
/// (`cellbook help record`) take their command's.
pub const ABOUT: &[(&str, &str)] = &[
    (
        "",
        "Giữ sổ sinh hoạt thường kỳ của chi bộ (hay câu lạc bộ, ban…) trong các tệp TOML: lập kế hoạch từng buổi sinh hoạt, ghi lại diễn biến, đánh giá chất lượng theo bộ tiêu chí, báo cáo hằng quý.",
    ),
    ("init", "Tạo sổ mới"),
    (
        "member",
        "Quản lý danh sách đảng viên: thêm, sửa, miễn sinh hoạt và liệt kê",
    ),
    ("member add", "Thêm một đảng viên vào danh sách"),
    (
        "member set",
        "Đổi chức vụ hay tư cách của đảng viên, hoặc ghi ngày rời chi bộ",
    ),
    (
        "member exempt",
        "Ghi một thời gian đảng viên được miễn sinh hoạt",
    ),
    (
        "member list",
        "Liệt kê danh sách đảng viên (hoặc danh sách được tính vào một ngày)",
    ),
    (
        "member import",
        "Thêm các đảng viên trong một bảng tính (.csv hoặc .xlsx): cho xem trước ai được thêm, dòng nào bị từ chối",
    ),
    (
        "plan",
        "Lập kế hoạch một buổi sinh hoạt, hoặc sửa kế hoạch của buổi đã lên kế hoạch (dòng cuối in mã của buổi)",
    ),
    (
        "record",
        "Ghi diễn biến một buổi sinh hoạt (tạo buổi đó nếu chưa có kế hoạch)",
    ),
    ("action", "Theo dõi các việc được giao trong buổi sinh hoạt"),
    ("action done", "Đánh dấu một việc đã làm xong"),
    ("action list", "Liệt kê các việc được giao"),
    ("list", "Liệt kê các buổi sinh hoạt trong một kỳ"),
    ("show", "Xem một buổi sinh hoạt như khi đọc"),
    ("check", "Kiểm tra toàn bộ sổ và báo mọi lỗi"),
    (
        "rate",
        "Đánh giá một buổi sinh hoạt đã họp theo bộ tiêu chí và ghi kết quả",
    ),
    ("rubric", "Liệt kê, xem và kiểm tra bộ tiêu chí"),
    ("rubric list", "Liệt kê các bộ tiêu chí sổ này dùng được"),
    (
        "rubric show",
        "Xem tiêu chí, khung điểm, mức xếp loại và điều kiện của một bộ tiêu chí",
    ),
    (
        "rubric check",
        "Kiểm tra một tệp bộ tiêu chí và báo mọi lỗi",
    ),
    (
        "report",
        "Báo cáo một quý hay một năm: một chi bộ, hoặc tổng hợp nhiều chi bộ",
    ),
    ("minutes", "In biên bản của một buổi sinh hoạt đã họp"),
    (
        "notice",
        "Viết thông báo sinh hoạt chi bộ từ kế hoạch của buổi sinh hoạt: tin nhắn để dán vào Zalo, hoặc văn bản để in",
    ),
    (
        "edit",
        "Mở một buổi sinh hoạt trong $VISUAL/$EDITOR (buổi mới thì có mẫu kèm chú thích); bản sửa được kiểm tra trước khi lưu",
    ),
    (
        "status",
        "Việc cần làm hôm nay: buổi cần lập kế hoạch, tài liệu cần gửi, đánh giá, việc được giao, vắng mặt, báo cáo",
    ),
    (
        "export",
        "Xuất các buổi sinh hoạt đã lên kế hoạch ra tệp iCalendar (.ics) cho điện thoại và thư điện tử, hoặc số liệu của mọi buổi ra các dòng JSON cho người phân tích",
    ),
    (
        "completions",
        "In đoạn mã gợi ý lệnh khi gõ Tab cho shell: bash, zsh, fish, powershell hoặc elvish",
    ),
    (
        "man",
        "In trang hướng dẫn (roff), hoặc ghi mỗi lệnh một trang với --out",
    ),
    ("spec", "In đặc tả định dạng tệp của sổ"),
    (
        "help",
        "In hướng dẫn này hoặc hướng dẫn của lệnh con đã nêu",
    ),
    (
        "member help",
        "In hướng dẫn này hoặc hướng dẫn của lệnh con đã nêu",
    ),
    (
        "action help",
        "In hướng dẫn này hoặc hướng dẫn của lệnh con đã nêu",
    ),
    (
        "review",
        "Đánh giá, xếp loại đảng viên hằng năm (hoặc hằng quý): tự kiểm điểm, chi bộ biểu quyết, cấp ủy quyết định",
    ),
    (
        "review open",
        "Mở đợt đánh giá của một kỳ: mỗi đảng viên cần đánh giá một tệp, và một tệp cho chi bộ",
    ),
    (
        "review self",
        "Ghi bản tự kiểm điểm của đảng viên (hoặc của chi bộ, với ĐẢNG_VIÊN là `cell`)",
    ),
    (
        "review cell",
        "Ghi mức chi bộ đánh giá và biểu quyết cho một đảng viên",
    ),
    (
        "review decide",
        "Ghi mức xếp loại cấp ủy có thẩm quyền quyết định",
    ),
    (
        "review list",
        "Ai đã làm bước nào trong đợt đánh giá, còn thiếu gì",
    ),
    (
        "review report",
        "Báo cáo kết quả xếp loại một kỳ: một chi bộ, hoặc tổng hợp nhiều chi bộ",
    ),
    ("review form", "In bản kiểm điểm của một đảng viên"),
    (
        "review help",
        "In hướng dẫn này hoặc hướng dẫn của lệnh con đã nêu",
    ),
    (
        "rubric help",
        "In hướng dẫn này hoặc hướng dẫn của lệnh con đã nêu",
    ),
];

/// `(command path, examples and notes)`, shown after the options.
pub const AFTER: &[(&str, &str)] = &[
    ("", "\
Ví dụ:
  cellbook init chi-bo-7 --name \"Chi bộ 7\" --parent \"Đảng bộ KBNN\"
  cellbook member add \"Dương Công Trinh\" --id trinh --role secretary --joined 2005-03-12
  cellbook plan 09/07/2020 --time 14:00 --topic \"Nghị quyết tháng 7\" --assign lan=\"Thông tin thời sự\"
  cellbook record 2020-07-09 --start 14:00 --end 15:45 --present all --excused hung=\"Đi công tác\"
  cellbook show last
  cellbook check

Sổ là thư mục ghi ở --ledger, nếu không thì $CELLBOOK_LEDGER, nếu không thì thư mục gần nhất
(thư mục hiện tại hoặc cao hơn) có tệp cellbook.toml. Ngày viết 2020-07-09 hoặc 09/07/2020.
Gọi đảng viên bằng mã hoặc họ tên, có dấu hay không dấu đều được (\"Trinh\", \"duong cong trinh\").

Ngôn ngữ: --lang, nếu không thì ngôn ngữ của sổ, nếu không thì $CELLBOOK_LANG, nếu không thì
ngôn ngữ của hệ thống (LC_ALL, LC_MESSAGES, LANG bắt đầu bằng vi), nếu không thì tiếng Anh.

Mã thoát: 0 thành công; 1 sổ có lỗi hoặc yêu cầu bị từ chối; 2 gõ lệnh sai."),
    ("init", "Ví dụ:\n  cellbook init thuan-bac --name \"Chi bộ 7 KBNN Thuận Bắc\" --parent \"Đảng bộ KBNN Ninh Thuận\" --rubric hd42-2025"),
    ("member", "Ví dụ:\n  cellbook member add \"Nguyễn Thị Lan\" --id lan --role deputy --joined 2010-05-19\n  cellbook member list --on 2020-08-10"),
    ("member add", "Ví dụ:\n  cellbook member add \"Nguyễn Thị Lan\" --id lan --role deputy --joined 2010-05-19"),
    ("member set", "Ví dụ:\n  cellbook member set lan --role secretary\n  cellbook member set \"Bình\" --full\n  cellbook member set hung --left 2021-01-01"),
    ("member exempt", "Ví dụ:\n  cellbook member exempt tam --from 2020-01-01 --kind exempt --reason \"Sức khỏe yếu\""),
    ("member list", "Ví dụ:\n  cellbook member list\n  cellbook member list --on 2020-08-10"),
    ("member import", "Các cột, nhận theo tiêu đề (tiếng Việt hay tiếng Anh, hoa hay thường, có dấu hay không):\n  Họ và tên / Name (bắt buộc), Mã / Id, Chức vụ / Role, Tư cách / Status,\n  Ngày vào chi bộ / Joined, Ngày kết nạp / Admitted\n\nVí dụ:\n  cellbook member import danh-sach.xlsx --dry-run\n  cellbook member import danh-sach.csv --yes"),
    ("plan", "Ví dụ:\n  cellbook plan 2020-07-09 --time 14:00 --place \"Phòng họp tầng 2\" \\\n    --topic \"Quán triệt Nghị quyết TW 12\" --assign lan=\"Thông tin thời sự\" \\\n    --directive \"12-HD/BTCTW|2018-07-06|Nâng cao chất lượng sinh hoạt chi bộ\" \\\n    --docs-sent 2020-07-07 --committee-met 2020-07-06 --draft-resolution"),
    ("record", "Ví dụ:\n  cellbook record 2020-07-09 --start 14:00 --end 15:45 --chair trinh --minute-taker lan \\\n    --present all --excused hung=\"Đi công tác\" --spoke trinh,lan,hoa --vote 8/0/0 \\\n    --action \"lan=Báo cáo tiến độ@2020-08-01\"\n  cellbook record 2020-07-09 --present all,sau   # thêm sau, được miễn mà vẫn đến"),
    ("action", "Ví dụ:\n  cellbook action list --overdue\n  cellbook action done 2020-07-09/1 --on 2020-08-01"),
    ("action done", "Ví dụ:\n  cellbook action done 2020-07-09/1 --on 2020-08-01"),
    ("action list", "Ví dụ:\n  cellbook action list --open\n  cellbook action list --overdue"),
    ("list", "Ví dụ:\n  cellbook list --quarter 2020-Q3\n  cellbook list --quarter \"quý III năm 2020\"\n  cellbook list --year 2020"),
    ("show", "Ví dụ:\n  cellbook show 2020-07-09\n  cellbook show last"),
    ("check", "Ví dụ:\n  cellbook check\n  cellbook check --only attendance,ratings --strict\n\nMã thoát: 0 không có lỗi, 1 có lỗi, 2 gõ lệnh sai."),
    ("rate", "Ví dụ:\n  cellbook rate 2020-07-09 --by thanh --by hoa --score preparation=9 --score chairing=9\n  cellbook rate last --json"),
    ("rubric", "Ví dụ:\n  cellbook rubric list\n  cellbook rubric show hd42-2025"),
    ("rubric list", "Ví dụ:\n  cellbook rubric list"),
    ("rubric show", "Ví dụ:\n  cellbook rubric show hd42-2025"),
    ("rubric check", "Ví dụ:\n  cellbook rubric check rubrics/my-ward-2025.toml"),
    ("report", "Ví dụ:\n  cellbook report --quarter 2020-Q3\n  cellbook report --quarter III/2020\n  cellbook report --last-quarter --format html --out bao-cao-quy.html\n  cellbook report --year 2020 --format csv --out 2020.csv chi-bo-1 chi-bo-2\n\nCó thư mục SỔ: mỗi chi bộ một phần, và tổng cộng của tất cả (báo cáo tổng hợp).\nMã thoát: 0 thành công, 1 thiếu sổ hoặc sổ hỏng, 2 gõ lệnh sai."),
    ("review", "Ví dụ:\n  cellbook review open 2020\n  cellbook review self lan --points 92 --tasks-done 100 --tasks-on-time 100 --tasks-exceeded 40 --proposed excellent\n  cellbook review cell lan --level excellent --vote 8/0/0\n  cellbook review decide lan --level excellent --on 2021-01-10\n  cellbook review list"),
    ("review open", "Ví dụ:\n  cellbook review open 2020\n  cellbook review open 2026-Q3 --scheme qd366-2025"),
    ("review self", "Ví dụ:\n  cellbook review self lan 2020 --score general=27 --score tasks=65 \\\n    --tasks-done 100 --tasks-on-time 100 --tasks-exceeded 35 --proposed excellent\n  cellbook review self hung --points 75 --tasks-done 100 --tasks-on-time 100 --proposed \"hoàn thành tốt\"\n  cellbook review self lan --edit"),
    ("review cell", "Ví dụ:\n  cellbook review cell lan 2020 --level good --vote 8/0/0 --on 2020-12-15"),
    ("review decide", "Ví dụ:\n  cellbook review decide lan 2020 --level good --on 2021-01-10 --by \"Đảng ủy KBNN Ninh Thuận\""),
    ("review list", "Ví dụ:\n  cellbook review list\n  cellbook review list 2020"),
    ("review report", "Ví dụ:\n  cellbook review report 2020\n  cellbook review report 2020 --format json\n  cellbook review report 2020 --format html --out xep-loai-2020.html chi-bo-1 chi-bo-2"),
    ("review form", "Ví dụ:\n  cellbook review form lan 2020\n  cellbook review form lan 2020 --format html --out kiem-diem-lan.html\n  cellbook review form lan 2020 --format docx --out kiem-diem-lan.docx"),
    ("minutes", "Ví dụ:\n  cellbook minutes 2020-07-09\n  cellbook minutes last --format html --out bien-ban.html"),
    ("notice", "Ví dụ:\n  cellbook notice next\n  cellbook notice 2020-07-09 --format docx --out thong-bao.docx\n\nThời gian, địa điểm, nội dung, phân công chuẩn bị và tài liệu đọc trước, lấy từ [plan]\ncủa buổi sinh hoạt (không có thì lấy giờ và địa điểm thường lệ của sổ)."),
    ("edit", "Ví dụ:\n  cellbook edit 2020-07-09\n  cellbook edit 2020-10-08 --kind thematic\n  EDITOR=\"code --wait\" cellbook edit last"),
    ("status", "Ví dụ:\n  cellbook status\n  cellbook status --format json\n\nViệc gấp nhất trước: `!!` làm ngay, `!` sắp đến hạn, `-` để biết. Chỉ đọc các buổi sinh hoạt\ncủa năm trước, năm nay và năm sau."),
    ("export", "Ví dụ:\n  cellbook export --ics --out chi-bo-7.ics\n  cellbook export --ics --all > tat-ca.ics\n  cellbook export --jsonl --period 2020 cac-chi-bo/* > cac-buoi.jsonl\n\nGiờ là giờ Việt Nam (Asia/Ho_Chi_Minh, +07:00, không đổi giờ mùa hè); --floating ghi giờ\nkhông kèm múi giờ. Buổi sinh hoạt không có giờ là sự kiện cả ngày. Mỗi buổi giữ một UID\n(2020-07-09@chi-bo-7.cellbook), nên nhập lại tệp thì cập nhật chứ không nhân đôi."),
    ("completions", "Ví dụ:\n  source <(cellbook completions bash)        # trong ~/.bashrc\n  source <(cellbook completions zsh)         # trong ~/.zshrc, sau compinit\n  cellbook completions fish > ~/.config/fish/completions/cellbook.fish\n  cellbook completions bash --static > /usr/share/bash-completion/completions/cellbook\n\nĐoạn mã mặc định hỏi cellbook mỗi lần gõ Tab, nên gợi ý được cả mã đảng viên, mã buổi sinh hoạt,\nmã việc chưa xong và mã bộ tiêu chí của sổ ($CELLBOOK_LEDGER, nếu không thì tệp cellbook.toml\ngần nhất phía trên). --static chỉ gợi ý lệnh và tùy chọn, không gọi cellbook."),
    ("man", "Ví dụ:\n  cellbook man | man -l -\n  cellbook man --out /usr/local/share/man/man1"),
    ("spec", "Ví dụ:\n  cellbook spec | less\n  cellbook spec > ledger-format.md"),
];

/// The help of `--force`, the same for every roster change.
const FORCE: &str = "Vẫn sửa danh sách dù biên bản một buổi đã họp sẽ không còn khớp (`cellbook check` sẽ báo lỗi đó)";
const MEETING: &str = "Mã buổi sinh hoạt, ngày, `last` (buổi gần nhất) hoặc `next` (buổi sắp tới)";
const REVIEW_SUBJECT: &str = "Mã hoặc họ tên đảng viên, hoặc `cell` cho chi bộ (tập thể)";
const REVIEW_PERIOD: &str = "Kỳ đánh giá (mặc định: kỳ mở gần nhất)";
const OUT: &str = "Ghi ra TỆP (trọn vẹn một lần) thay vì in ra màn hình";

/// `(command path, argument id, help)`; `*` for the flags of every command. The id is the
/// field's name in the command's `Args` (`minute_taker`).
pub const ARGS: &[(&str, &str, &str)] = &[
    (
        "*",
        "ledger",
        "Thư mục sổ (mặc định: $CELLBOOK_LEDGER, nếu không thì tệp cellbook.toml gần nhất phía trên)",
    ),
    (
        "*",
        "lang",
        "Ngôn ngữ (mặc định: của sổ, nếu không thì $CELLBOOK_LANG, nếu không thì của hệ thống); với `init`, ngôn ngữ của sổ mới",
    ),
    ("*", "help", "In hướng dẫn"),
    ("*", "version", "In phiên bản"),
    ("help", "subcommand", "In hướng dẫn của lệnh con này"),
    (
        "init",
        "dir",
        "Thư mục tạo sổ (mặc định: --ledger, nếu không thì thư mục hiện tại)",
    ),
    ("init", "name", "Tên chi bộ"),
    ("init", "parent", "Cấp ủy cấp trên nhận báo cáo"),
    (
        "init",
        "locality",
        "Địa danh ghi ở dòng ngày tháng của văn bản, ví dụ \"Phan Rang\"",
    ),
    (
        "init",
        "rubric",
        "Bộ tiêu chí mặc định để đánh giá buổi sinh hoạt",
    ),
    (
        "init",
        "time",
        "Giờ sinh hoạt thường lệ, HH:MM (`plan` dùng khi không cho giờ)",
    ),
    (
        "init",
        "place",
        "Địa điểm sinh hoạt thường lệ (`plan` dùng khi không cho địa điểm)",
    ),
    (
        "init",
        "day",
        "Ngày sinh hoạt thường kỳ hằng tháng, 1–31 (`plan` gợi ý ngày này)",
    ),
    (
        "init",
        "id",
        "Mã chi bộ dùng khi tổng hợp báo cáo, ví dụ mã do cấp trên cấp (mặc định: tự sinh mã mới)",
    ),
    ("member add", "name", "Họ và tên, có dấu"),
    (
        "member add",
        "id",
        "Mã ngắn, không dấu (a-z, 0-9, -, _); mặc định: tên gọi bỏ dấu (`Lê Văn Đạo` → dao, hoặc dao2 khi dao đã có người dùng)",
    ),
    (
        "member add",
        "role",
        "Chức vụ: bí thư (secretary), phó bí thư (deputy), chi ủy viên (committee), đảng viên (member)",
    ),
    (
        "member add",
        "probationary",
        "Đảng viên dự bị (dự sinh hoạt, không biểu quyết)",
    ),
    (
        "member add",
        "joined",
        "Ngày vào chi bộ (mặc định: hôm nay)",
    ),
    (
        "member add",
        "admitted",
        "Ngày chi bộ tổ chức lễ kết nạp, khi khác ngày vào chi bộ: 12 tháng dự bị tính từ ngày này",
    ),
    (
        "member set",
        "admitted",
        "Ngày chi bộ tổ chức lễ kết nạp: 12 tháng dự bị tính từ ngày này",
    ),
    ("member add", "temporary", "Sinh hoạt tạm thời ở chi bộ này"),
    ("member add", "force", FORCE),
    ("member set", "member", "Mã hoặc họ tên đảng viên"),
    (
        "member set",
        "role",
        "Chức vụ mới: secretary, deputy, committee, member",
    ),
    (
        "member set",
        "full",
        "Đã thành đảng viên chính thức (hết thời gian dự bị)",
    ),
    ("member set", "left", "Ngày đảng viên rời chi bộ"),
    ("member set", "force", FORCE),
    ("member exempt", "member", "Mã hoặc họ tên đảng viên"),
    ("member exempt", "from", "Ngày bắt đầu được miễn"),
    ("member exempt", "to", "Ngày kết thúc (bỏ trống: chưa biết)"),
    ("member exempt", "kind", "Loại miễn"),
    ("member exempt", "reason", "Lý do"),
    ("member exempt", "force", FORCE),
    (
        "member list",
        "on",
        "Xem danh sách của ngày này: ai được tính, ai được miễn",
    ),
    (
        "member import",
        "file",
        "Bảng tính: .csv (UTF-8 hoặc windows-1258) hay .xlsx, một dòng tiêu đề rồi mỗi dòng một đảng viên",
    ),
    (
        "member import",
        "sheet",
        "Trang tính cần đọc của tệp Excel (mặc định: trang đầu)",
    ),
    (
        "member import",
        "dry_run",
        "Chỉ cho xem ai sẽ được thêm, dòng nào bị từ chối; không ghi gì",
    ),
    (
        "member import",
        "yes",
        "Thêm mà không hỏi (cần khi không có ai để hỏi, như trong một script)",
    ),
    ("member import", "force", FORCE),
    (
        "plan",
        "date",
        "Ngày sinh hoạt (hỏi trên màn hình nếu không gõ)",
    ),
    ("plan", "kind", "Loại buổi sinh hoạt"),
    ("plan", "title", "Tên chuyên đề (buổi sinh hoạt chuyên đề)"),
    (
        "plan",
        "time",
        "Giờ bắt đầu, HH:MM (mặc định: giờ thường lệ của sổ)",
    ),
    (
        "plan",
        "place",
        "Địa điểm (mặc định: địa điểm thường lệ của sổ)",
    ),
    (
        "plan",
        "topics",
        "Một nội dung trong chương trình (gõ nhiều lần được)",
    ),
    (
        "plan",
        "assignments",
        "Phần việc giao cho một đảng viên: MÃ=VIỆC (gõ nhiều lần được)",
    ),
    (
        "plan",
        "directives",
        "Văn bản cấp trên cần phổ biến: \"SỐ|NGÀY|TRÍCH YẾU\" (gõ nhiều lần được)",
    ),
    ("plan", "docs_sent", "Ngày gửi tài liệu cho đảng viên"),
    ("plan", "committee_met", "Ngày chi ủy họp chuẩn bị"),
    (
        "plan",
        "notified",
        "Ngày thông báo thời gian, địa điểm, nội dung cho đảng viên và cấp ủy viên cấp trên theo dõi",
    ),
    ("plan", "draft_resolution", "Đã chuẩn bị dự thảo nghị quyết"),
    (
        "plan",
        "another",
        "Lập thêm một buổi vào ngày đã có một buổi cùng loại",
    ),
    (
        "plan",
        "edit",
        "Xem lại kế hoạch trong $VISUAL/$EDITOR trước khi lưu",
    ),
    ("record", "meeting", MEETING),
    (
        "record",
        "kind",
        "Loại buổi sinh hoạt (buổi chưa có kế hoạch)",
    ),
    (
        "record",
        "title",
        "Tên chuyên đề (buổi sinh hoạt chuyên đề)",
    ),
    ("record", "start", "Giờ bắt đầu, HH:MM"),
    ("record", "end", "Giờ kết thúc, HH:MM"),
    ("record", "chair", "Người chủ trì (mã hoặc họ tên)"),
    (
        "record",
        "minute_taker",
        "Người ghi biên bản (mã hoặc họ tên)",
    ),
    (
        "record",
        "present",
        "Ai có mặt: `all` (mọi đảng viên được tính mà không ghi vắng) hoặc MÃ,MÃ,...; `all,MÃ` thêm người được miễn mà vẫn đến (gõ nhiều lần được)",
    ),
    (
        "record",
        "excused",
        "Vắng có lý do: MÃ=LÝ_DO (gõ nhiều lần được)",
    ),
    (
        "record",
        "unexcused",
        "Vắng không có lý do (gõ nhiều lần được, hoặc MÃ,MÃ...)",
    ),
    (
        "record",
        "spoke",
        "Ai phát biểu: `all` (mọi người có mặt) hoặc MÃ,MÃ,... (gõ nhiều lần được)",
    ),
    ("record", "guests", "Một khách mời (gõ nhiều lần được)"),
    (
        "record",
        "news",
        "Thông tin thời sự hay văn bản mới được phổ biến (gõ nhiều lần được)",
    ),
    (
        "record",
        "vote",
        "Biểu quyết nghị quyết: TÁN_THÀNH/KHÔNG_TÁN_THÀNH/KHÔNG_BIỂU_QUYẾT, ví dụ 9/0/0",
    ),
    ("record", "minutes", "Diễn biến buổi sinh hoạt"),
    ("record", "minutes_file", "Đọc diễn biến từ một tệp"),
    ("record", "conclusion", "Kết luận của người chủ trì"),
    (
        "record",
        "posted",
        "Ngày đăng biên bản, nghị quyết, phân công hoàn chỉnh cho đảng viên (ví dụ trên ứng dụng Sổ tay đảng viên)",
    ),
    (
        "record",
        "actions",
        "Một việc được giao: \"MÃ=VIỆC[@HẠN]\" (gõ nhiều lần được)",
    ),
    (
        "record",
        "edit",
        "Xem lại biên bản trong $VISUAL/$EDITOR trước khi lưu (có thể điền điểm danh ở đó)",
    ),
    ("action done", "action", "Mã việc, ví dụ 2020-07-09/1"),
    ("action done", "on", "Ngày làm xong (mặc định: hôm nay)"),
    ("action list", "open", "Chỉ những việc chưa xong"),
    (
        "action list",
        "overdue",
        "Chỉ những việc quá hạn mà chưa xong",
    ),
    (
        "list",
        "quarter",
        "Một quý: 2020-Q3, Q3/2020, III/2020, \"quý 3/2020\", \"quý III năm 2020\"",
    ),
    ("list", "year", "Một năm, ví dụ 2020"),
    ("show", "meeting", MEETING),
    (
        "show",
        "json",
        "In buổi sinh hoạt và mọi số liệu suy ra từ nó dưới dạng JSON, cho chương trình khác",
    ),
    (
        "check",
        "ledgers",
        "Các sổ cần kiểm tra (mặc định: sổ hiện tại)",
    ),
    (
        "check",
        "only",
        "Chỉ những phần kiểm tra này (cách nhau dấu phẩy): syntax, schema, references, dates, attendance, votes, ratings, duplicates, files",
    ),
    ("check", "strict", "Coi cảnh báo là lỗi"),
    ("rate", "meeting", MEETING),
    (
        "rate",
        "by",
        "Người đánh giá (gõ nhiều lần được; mặc định: những người đã đánh giá trước, nếu không thì bí thư và phó bí thư)",
    ),
    (
        "rate",
        "scores",
        "Điểm của một tiêu chí chấm tay: TIÊU_CHÍ=ĐIỂM (gõ nhiều lần được)",
    ),
    ("rate", "note", "Ghi chú của lần đánh giá"),
    ("rate", "on", "Ngày đánh giá (mặc định: hôm nay)"),
    (
        "rate",
        "rubric",
        "Bộ tiêu chí (mặc định: của lần đánh giá trước, nếu không thì của sổ)",
    ),
    ("rate", "json", "In phiếu chấm điểm dạng JSON"),
    ("rubric show", "id", "Mã bộ tiêu chí, ví dụ hd42-2025"),
    (
        "rubric show",
        "json",
        "In bộ tiêu chí dưới dạng JSON, cho chương trình khác",
    ),
    ("rubric check", "file", "Tệp bộ tiêu chí (.toml)"),
    (
        "report",
        "ledgers",
        "Các sổ, và báo cáo JSON (của chi bộ hay báo cáo tổng hợp), cần tổng hợp chung (mặc định: sổ hiện tại)",
    ),
    (
        "report",
        "summary_only",
        "Bỏ các dòng từng buổi sinh hoạt và họ tên đảng viên: bản tóm tắt gửi lên cấp trên",
    ),
    (
        "report",
        "expect",
        "Danh sách chi bộ phải báo cáo, mỗi dòng một mã hay một tên: liệt kê chi bộ chưa có trong đầu vào và chi bộ có kỳ báo cáo chưa đủ",
    ),
    (
        "report",
        "previous",
        "Kỳ trước, đặt cạnh kỳ này: báo cáo JSON hoặc các sổ của kỳ trước (lặp lại cho nhiều đầu vào)",
    ),
    (
        "report",
        "trend",
        "Kỳ trước, đặt cạnh kỳ này, lấy từ chính các sổ này",
    ),
    (
        "report",
        "quarter",
        "Một quý: 2020-Q3, Q3/2020, III/2020, \"quý 3/2020\", \"quý III năm 2020\"",
    ),
    (
        "report",
        "year",
        "Một năm, ví dụ 2020 (kèm xếp loại cả năm nếu bộ tiêu chí có)",
    ),
    ("report", "last_quarter", "Quý trước quý hiện tại"),
    ("report", "format", "Định dạng"),
    ("report", "out", OUT),
    (
        "report",
        "bom",
        "Đầu tệp CSV có dấu BOM UTF-8, để Excel đọc đúng tiếng Việt (mặc định khi ghi ra tệp bằng --out; cờ này thêm cả khi in ra màn hình)",
    ),
    (
        "report",
        "number",
        "Số của báo cáo, như trong \"Số 05-BC/CB\" (md, html, docx; không có thì để trống số để viết tay)",
    ),
    (
        "report",
        "committee",
        "Cấp ủy cấp trên ban hành báo cáo tổng hợp: tệp TOML có name, parent, locality, symbol, recipients, signer_title, signer_name (md, html, docx; không có thì báo cáo tổng hợp là bản tổng hợp số liệu)",
    ),
    (
        "report",
        "notes",
        "Lời văn của báo cáo dạng Markdown (đánh giá, hạn chế, phương hướng, kiến nghị): mỗi tiêu đề thành một mục đánh số sau phần số liệu (md, html, docx và bảng)",
    ),
    (
        "report",
        "no_bom",
        "Ghi tệp CSV không có dấu BOM (UTF-8 thuần, như khi in ra màn hình)",
    ),
    ("minutes", "meeting", MEETING),
    ("minutes", "format", "Định dạng"),
    ("minutes", "out", OUT),
    ("notice", "meeting", MEETING),
    ("notice", "format", "Định dạng"),
    ("notice", "out", OUT),
    (
        "edit",
        "meeting",
        "Mã buổi sinh hoạt, ngày, `last` hoặc `next`; một ngày chưa có buổi nào thì tạo buổi mới",
    ),
    ("edit", "kind", "Loại của buổi mới"),
    ("status", "format", "Định dạng"),
    (
        "export",
        "ics",
        "Ghi dạng iCalendar (RFC 5545), dạng lịch điện tử nhập được",
    ),
    (
        "export",
        "ledgers",
        "Các sổ cần xuất với --jsonl (mặc định: sổ hiện tại)",
    ),
    (
        "export",
        "jsonl",
        "Ghi mỗi buổi sinh hoạt một dòng JSON, kèm các số liệu, cho DuckDB, pandas hay jq",
    ),
    (
        "export",
        "period",
        "Chỉ các buổi của một kỳ, với --jsonl: 2020-Q3, 2020 hoặc 2020-07 (mặc định: tất cả)",
    ),
    (
        "export",
        "all",
        "Mọi buổi sinh hoạt của sổ, không chỉ các buổi từ hôm nay trở đi",
    ),
    (
        "export",
        "floating",
        "Giờ địa phương không kèm múi giờ thay cho giờ Việt Nam",
    ),
    ("export", "out", OUT),
    (
        "review open",
        "period",
        "Kỳ đánh giá: một năm (2020) hoặc một quý (2020-Q3)",
    ),
    (
        "review open",
        "scheme",
        "Bộ quy tắc đánh giá (mặc định: qd366-2025)",
    ),
    ("review self", "member", REVIEW_SUBJECT),
    ("review self", "period", REVIEW_PERIOD),
    (
        "review self",
        "scores",
        "Điểm của một nhóm tiêu chí, ví dụ tasks=65 (lặp lại được)",
    ),
    (
        "review self",
        "points",
        "Tổng điểm, khi không chấm từng nhóm",
    ),
    (
        "review self",
        "tasks_done",
        "Tỷ lệ nhiệm vụ được giao đã hoàn thành, phần trăm",
    ),
    (
        "review self",
        "tasks_on_time",
        "Tỷ lệ nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng, phần trăm",
    ),
    (
        "review self",
        "tasks_exceeded",
        "Tỷ lệ nhiệm vụ hoàn thành vượt mức yêu cầu, phần trăm",
    ),
    (
        "review self",
        "disciplined",
        "Bị kỷ luật trong kỳ (với chi bộ: có đảng viên bị kỷ luật)",
    ),
    (
        "review self",
        "not_disciplined",
        "Không bị kỷ luật trong kỳ (bỏ --disciplined)",
    ),
    ("review self", "strengths", "Ưu điểm"),
    ("review self", "shortcomings", "Hạn chế, khuyết điểm"),
    (
        "review self",
        "causes",
        "Nguyên nhân của hạn chế, khuyết điểm",
    ),
    ("review self", "remedies", "Biện pháp khắc phục"),
    (
        "review self",
        "proposed",
        "Mức tự xếp loại: xuất sắc, tốt, hoàn thành hoặc không hoàn thành (viết đủ tên mức như trên biểu mẫu cũng được, có dấu hay không dấu)",
    ),
    (
        "review self",
        "edit",
        "Mở tệp đánh giá trong $VISUAL/$EDITOR (sau các tùy chọn trên); được kiểm tra trước khi lưu",
    ),
    ("review cell", "member", REVIEW_SUBJECT),
    ("review cell", "period", REVIEW_PERIOD),
    (
        "review cell",
        "level",
        "Mức: xuất sắc, tốt, hoàn thành hoặc không hoàn thành (viết đủ tên mức như trên biểu mẫu cũng được, có dấu hay không dấu)",
    ),
    (
        "review cell",
        "vote",
        "Kết quả biểu quyết, tính như nghị quyết của buổi sinh hoạt",
    ),
    (
        "review cell",
        "on",
        "Ngày chi bộ họp đánh giá (mặc định: hôm nay)",
    ),
    ("review cell", "note", "Ghi chú"),
    ("review decide", "member", REVIEW_SUBJECT),
    ("review decide", "period", REVIEW_PERIOD),
    (
        "review decide",
        "level",
        "Mức: xuất sắc, tốt, hoàn thành hoặc không hoàn thành (viết đủ tên mức như trên biểu mẫu cũng được, có dấu hay không dấu)",
    ),
    ("review decide", "on", "Ngày quyết định"),
    ("review decide", "committee", "Cấp ủy quyết định"),
    ("review list", "period", REVIEW_PERIOD),
    ("review report", "period", REVIEW_PERIOD),
    (
        "review report",
        "ledgers",
        "Các thư mục sổ cần tổng hợp (mặc định: sổ hiện tại)",
    ),
    ("review report", "format", "Định dạng"),
    ("review report", "out", OUT),
    ("review form", "member", REVIEW_SUBJECT),
    ("review form", "period", REVIEW_PERIOD),
    ("review form", "format", "Định dạng"),
    ("review form", "out", OUT),
    ("completions", "shell", "Shell"),
    (
        "completions",
        "static_script",
        "Đoạn mã tự đủ: chỉ lệnh và tùy chọn, không có mã lấy từ sổ",
    ),
    (
        "man",
        "out",
        "Ghi cellbook.1 và mỗi lệnh một trang (cellbook-member-add.1, …) vào THƯ_MỤC",
    ),
];

/// `(command path, possible value, help)`; `*` for a value that means the same everywhere.
pub const VALUES: &[(&str, &str, &str)] = &[
    (
        "*",
        "regular",
        "Sinh hoạt thường kỳ: buổi sinh hoạt hằng tháng",
    ),
    (
        "*",
        "thematic",
        "Sinh hoạt chuyên đề: buổi sinh hoạt về một chủ đề, ít nhất mỗi quý một lần",
    ),
    (
        "*",
        "exempt",
        "Miễn sinh hoạt: được chi bộ cho miễn (tuổi cao, sức yếu)",
    ),
    (
        "*",
        "away",
        "Tạm miễn: đi công tác, học tập xa một thời gian",
    ),
    ("*", "transferred-out", "Tạm thời sinh hoạt ở chi bộ khác"),
    ("report", "table", "Bảng trên màn hình"),
    ("report", "json", "Giao diện ổn định cho chương trình khác"),
    (
        "report",
        "csv",
        "Mỗi buổi sinh hoạt một dòng, cho bảng tính",
    ),
    ("review report", "table", "Bảng trên màn hình"),
    (
        "review report",
        "json",
        "Giao diện ổn định cho chương trình khác",
    ),
    (
        "review report",
        "csv",
        "Mỗi đảng viên một dòng, cho bảng tính",
    ),
    (
        "notice",
        "text",
        "Văn bản thường, đủ ngắn để dán vào tin nhắn (Zalo)",
    ),
    ("*", "md", "Văn bản Markdown"),
    ("*", "html", "Một trang A4 trọn vẹn để in"),
    ("*", "docx", "Văn bản Word (A4) để sửa, ký và lưu"),
    (
        "status",
        "text",
        "Cho người đọc: danh sách, việc gấp nhất trước, và bảng các việc chưa xong",
    ),
    (
        "status",
        "json",
        "Cho chương trình khác: mọi nhắc việc với các trường của nó",
    ),
];

/// The placeholders (`<ID=REASON>`): the `value_name` of an argument, or the word clap derive
/// made of its id. `all` is typed as it is and stays.
pub const VALUE_NAMES: &[(&str, &str)] = &[
    ("ACTION", "VIỆC"),
    ("ADMITTED", "NGÀY_KẾT_NẠP"),
    ("COMMAND", "LỆNH"),
    ("COMMITTEE_MET", "NGÀY_CHI_ỦY_HỌP"),
    ("CONCLUSION", "KẾT_LUẬN"),
    ("CRITERION=POINTS", "TIÊU_CHÍ=ĐIỂM"),
    ("DATE", "NGÀY"),
    ("DAY", "NGÀY_TRONG_THÁNG"),
    ("DIR", "THƯ_MỤC"),
    ("DOCS_SENT", "NGÀY_GỬI"),
    ("END", "GIỜ_KẾT_THÚC"),
    ("FILE", "TỆP"),
    (
        "FOR/AGAINST/ABSTAIN",
        "TÁN_THÀNH/KHÔNG_TÁN_THÀNH/KHÔNG_BIỂU_QUYẾT",
    ),
    ("FORMAT", "ĐỊNH_DẠNG"),
    ("FROM", "TỪ_NGÀY"),
    ("GROUP=POINTS", "NHÓM=ĐIỂM"),
    ("ID", "MÃ"),
    ("ID=REASON", "MÃ=LÝ_DO"),
    ("ID=TASK", "MÃ=VIỆC"),
    ("ID=TASK[@DUE]", "MÃ=VIỆC[@HẠN]"),
    ("INPUT", "ĐẦU_VÀO"),
    ("JOINED", "NGÀY_VÀO"),
    ("KIND", "LOẠI"),
    ("LANG", "NGÔN_NGỮ"),
    ("LEDGER", "SỔ"),
    ("LEFT", "NGÀY_RỜI"),
    ("LEVEL", "MỨC"),
    ("MEETING", "BUỔI"),
    ("MEMBER", "ĐẢNG_VIÊN"),
    ("MINUTES", "DIỄN_BIẾN"),
    ("NAME", "TÊN"),
    ("NOTE", "GHI_CHÚ"),
    ("ON", "NGÀY"),
    ("ONLY", "PHẦN"),
    ("PARENT", "CẤP_TRÊN"),
    ("PCT", "PHẦN_TRĂM"),
    ("PERIOD", "KỲ"),
    ("PLACE", "ĐỊA_ĐIỂM"),
    ("POINTS", "ĐIỂM"),
    ("QUARTER", "QUÝ"),
    ("REASON", "LÝ_DO"),
    ("REF|DATE|TITLE", "SỐ|NGÀY|TRÍCH_YẾU"),
    ("ROLE", "CHỨC_VỤ"),
    ("RUBRIC", "BỘ_TIÊU_CHÍ"),
    ("SCHEME", "BỘ_QUY_TẮC"),
    ("SHELL", "SHELL"),
    ("START", "GIỜ_BẮT_ĐẦU"),
    ("TEXT", "VĂN_BẢN"),
    ("TIME", "GIỜ"),
    ("TITLE", "TIÊU_ĐỀ"),
    ("TO", "ĐẾN_NGÀY"),
    ("YEAR", "NĂM"),
    ("all|ID,ID...", "all|MÃ,MÃ..."),
];
