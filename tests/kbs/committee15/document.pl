:- encoding(utf8).
/*  The document and the KB: identity. */

kb_name("committee15-2025-3").
kb_version("0.1.0").

document_number("云中法〔2025〕3号").
document_title("云江市中级人民法院执行事务委员会议事规则（试行）").
document_status("试行").

document_self(zh, "本规则").
document_self(en, "these rules").

citation_prefix("本规则第").

%   Versions (docs/kb-guide.md, "Versions and rule sets").  Art 7:
%   本规则自2025年1月1日起施行.  The text gives no day of issue; the day it
%   came into force stands in for it.
document_id("committee15-2025-3").
version_label(zh, "2025年试行文本").
version_label(en, "2025 trial text").
issued(date(2025, 1, 1)).
in_force(date(2025, 1, 1), open).
issuer("云中法").
level("本院规范性文件").
