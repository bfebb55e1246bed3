:- encoding(utf8).
/** 《关于落实执行管理层级负责制的若干规定（试行）》（宛法〔2023〕123号）

The law package of this regulation for pyreason: its text and the rules
that encode it, and nothing else (docs/kb-guide.md).  Every article lives in
its own file under articles/, its verbatim text (article/2, paragraph/3,
item/4) beside the clauses that encode it, each clause naming its article,
paragraph (款) and item (项) as c(Article, Paragraph, Item), with null where
one does not apply.  Where the text is silent or ambiguous, readings.pl
records it.

declarations.pl says what the engine may ask (question kinds, inputs,
answer fields, scenario facts, names); questions.pl answers them;
messages.pl words the answers.  The engine loads this file into a module of
its own naming; it is not a module itself.
*/

:- discontiguous
       article/2, paragraph/3, item/4,
       matter/3, matter_action/2, decides/4, requested_by/3,
       reports_to/4, duty/3, requires_major/2.

%   The unofficial English rendering (english.pl) is optional: a KB without
%   it answers in English with Chinese article text only.
:- dynamic en_document_title/1, en_preamble/1, en_article/2,
           en_paragraph/3, en_item/4.

:- include(document).
:- include(english).
:- include(vocabulary).
:- include(articles/art01).
:- include(articles/art02).
:- include(articles/art03).
:- include(articles/art04).
:- include(articles/art05).
:- include(articles/art06).
:- include(articles/art07).
:- include(articles/art08).
:- include(articles/art09).
:- include(articles/art10).
:- include(articles/art11).
:- include(articles/art12).
:- include(articles/art13).
:- include(articles/art14).
:- include(articles/art15).
:- include(readings).
:- include(messages).
:- include(questions).
:- include(declarations).
:- include(checks).
