:- encoding(utf8).
/*  第十四条【施行】 (as amended in 2024)  */

article(14, "施行").
paragraph(14, 1, "本规定自2025年1月1日起施行，本院之前下发的规范性文件与本规定相冲突的，以本规定为准。").

in_force_from(date(2025, 1, 1), c(14,1,null)).
%   prevails_over(Higher, Lower, Citation): in a conflict, this regulation wins.
prevails_over('本规定', '本院之前下发的规范性文件', c(14,1,null)).

%   The same rule as the engine applies it between the documents of a rule
%   set (docs/kb-guide.md, "Versions and rule sets"): where a document of
%   the same issuer (本院) issued earlier (之前下发) answers a question
%   otherwise (相冲突), this document's answer stands (以本规定为准).
prevails(over(earlier, same_issuer), c(14,1,null)).
