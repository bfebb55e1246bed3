:- encoding(utf8).
/*  The document and the KB: identity. */

kb_name("court-b-2024-8").
kb_version("0.1.0").

document_number("云中法〔2024〕8号").
document_title("云江市中级人民法院执行事项审批与替补规则（试行）").
document_status("试行").

document_self(zh, "本规则").
document_self(en, "these rules").

citation_prefix("本规则第").

%   Versions (docs/kb-guide.md, "Versions and rule sets").  Art 12:
%   本规则自2024年3月1日起施行.  The text gives no day of issue; the day it
%   came into force stands in for it.
document_id("court-b-2024-8").
version_label(zh, "2024年试行文本").
version_label(en, "2024 trial text").
issued(date(2024, 3, 1)).
in_force(date(2024, 3, 1), open).
issuer("云中法").
level("本院规范性文件").
