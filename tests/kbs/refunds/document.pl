:- encoding(utf8).
/*  The identity of the knowledge base and of the document it encodes.

    The text is the source's (source/regulation.txt), with the line breaks
    and page numbers of its extraction removed.  kb_version is the version
    of the encoding, not of the text.
*/

kb_name("refunds-walkthrough").
kb_version("0.1.0").

%   The document gives no number (document_number/1).
document_title("某区人民法院诉讼费用退费审批办法（试行）").
document_status("试行").
%   The document has no preamble (preamble/1).

document_self(zh, "本办法").
document_self(en, "these measures").
