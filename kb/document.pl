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
