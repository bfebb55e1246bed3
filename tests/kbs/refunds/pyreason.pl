:- encoding(utf8).
/*  《某区人民法院诉讼费用退费审批办法（试行）》

    The entry of the knowledge base mykb.

    A plain Prolog file, not a module: the engine loads it into a module of
    its own naming, so several KBs live in one process.  It declares, then
    includes the other files; a KB never prints, reads files or runs code
    while loading (see docs/kb-guide.md).

    articles/artNN.pl  one file per article: its verbatim text (article/2,
                       paragraph/3, item/4) beside the rules encoding it
    vocabulary.pl      the names a scenario may use
    readings.pl        gaps and interpretations of the text
    messages.pl        the words of explanation steps and input errors
    questions.pl       the question predicates and their inputs and fields

    Written by `pyreason new` from source/regulation.txt.
*/

:- discontiguous article/2, paragraph/3, item/4.

:- include(document).
:- include(vocabulary).
:- include(articles/art01).
:- include(articles/art02).
:- include(articles/art03).
:- include(readings).
:- include(messages).
:- include(questions).
