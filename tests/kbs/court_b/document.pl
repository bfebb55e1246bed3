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
