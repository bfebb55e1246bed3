:- encoding(utf8).
/*  A TEST FIXTURE: an amendment of 宛法〔2023〕123号 written for pyreason's
    tests (issue 15), not a real document.  It changes Art 7 (a new second
    paragraph: single releases of funds of 五百万元以上 go to the 分管副院长),
    Art 12(1) (lateral substitution with the director's approval) and Art 14
    (in force from 2025-01-01); every other file is the shipped kb/'s.

    The document itself: number, title, status and preamble.

    Cleaned from the PDF extraction: the title split over two lines as
    "（试\n\n行）" is joined, the stray page number "6" after Art. 9 and the
    line breaks inside sentences are removed.
*/

document_number("宛法〔2024〕210号").
document_title("关于落实执行管理层级负责制的若干规定（2024年修订）").
document_status('修订').
preamble("为全面落实执行体制改革工作要求，建立健全统一管理、统一指挥和统一协调的执行工作机制，进一步规范执行工作流程，提高执行工作质量和效率，根据《中华人民共和国民事诉讼法》和司法解释、上级法院规范性文件的规定，结合本院执行工作实际，制定本规定。").

%   The KB's identity, and how the document names itself.
kb_name("wanfa-2023-123-am2024").
kb_version("1.0.0").
document_self(zh, "本规定").
document_self(en, "this regulation").

%   ---- versions (docs/kb-guide.md, "Versions and rule sets") --------------

%   The same document as kb/ (wanfa-2023-123), in its amended version.
document_id("wanfa-2023-123").
version_label(zh, "2024年修订文本").
version_label(en, "2024 amended text").
issued(date(2024, 12, 20)).
%   Art 14 as amended: 本规定自2025年1月1日起施行.
in_force(date(2025, 1, 1), open).
issuer("宛法").
level("本院规范性文件").
%   What this version changed in the one before it (kb_name "wanfa-2023-123").
amends("wanfa-2023-123", [added(c(7,2,null)), changed(c(12,1,null)), changed(c(14,1,null))]).
