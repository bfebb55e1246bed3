:- encoding(utf8).
/*  The document and the KB: identity, and its place among the court's
    documents (docs/kb-guide.md, "Versions and rule sets").  */

kb_name("wanfa-2019-45").
kb_version("1.0.0").

document_number("宛法〔2019〕45号").
document_title("关于执行案款发放审批的规定").
document_status("").
preamble("为规范执行案款的发放，结合本院执行工作实际，制定本规定。").

document_self(zh, "本规定").
document_self(en, "these provisions").

document_id("wanfa-2019-45").
version_label(zh, "2019年文本").
version_label(en, "2019 text").
issued(date(2019, 6, 20)).
%   Art 3: 本规定自2019年7月1日起施行.
in_force(date(2019, 7, 1), open).
issuer("宛法").
level("本院规范性文件").
