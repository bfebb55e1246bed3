:- encoding(utf8).
/*  The document itself: number, title, status and preamble.

    Cleaned from the PDF extraction: the title split over two lines as
    "（试\n\n行）" is joined, the stray page number "6" after Art. 9 and the
    line breaks inside sentences are removed.
*/

document_number("宛法〔2023〕123号").
document_title("关于落实执行管理层级负责制的若干规定（试行）").
document_status('试行').
preamble("为全面落实执行体制改革工作要求，建立健全统一管理、统一指挥和统一协调的执行工作机制，进一步规范执行工作流程，提高执行工作质量和效率，根据《中华人民共和国民事诉讼法》和司法解释、上级法院规范性文件的规定，结合本院执行工作实际，制定本规定。").

%   The KB's identity, and how the document names itself.
kb_name("wanfa-2023-123").
kb_version("2.0.0").
document_self(zh, "本规定").
document_self(en, "this regulation").

%   ---- versions: which text this is, when it is in force, and its place
%   among the court's documents (docs/kb-guide.md, "Versions and rule sets").
%   A KB is one version of one document; the engine chooses among versions
%   and documents by these declarations only.

%   The same in every version of this document (an amendment keeps it).
document_id("wanfa-2023-123").
%   How an answer names this version beside its citations: 第七条（2023年试行文本）.
version_label(zh, "2023年试行文本").
version_label(en, "2023 trial text").
%   Art 14: 本规定自下发之日试行.  The text does not give the day it was
%   issued (下发), and neither does the PDF it came from: the number
%   宛法〔2023〕123号 gives only the year.  The first day of that year stands
%   in for it (i_issue_date), to be corrected once the date is known.
issued(date(2023, 1, 1)).
in_force(date(2023, 1, 1), open).
version_reading(i_issue_date).
%   The issuer, as the documents of one court write it: the code its
%   document numbers carry (宛法〔2023〕123号).  Art 14 calls it 本院.
issuer("宛法").
%   The document's rank: one of the court's own normative documents (Art 14:
%   本院之前下发的规范性文件 are of the same kind).
level("本院规范性文件").
