:- encoding(utf8).
/*  第十二条【施行】  */

article(12, "施行").
paragraph(12, 1, "本规则自2024年3月1日起施行。本院此前有关规定与本规则不一致的，以本规则为准。").

%!  in_force_from(?Date, ?Citation) is nondet.
in_force_from(date(2024, 3, 1), c(12,1,null)).

%!  prevails_over_earlier(?Citation) is nondet.
%
%   Earlier rules of the court yield where they differ.
prevails_over_earlier(c(12,1,null)).

%   The same rule for the engine's rule sets: 本院此前有关规定 (earlier, same
%   issuer) yield where they differ (与本规则不一致的，以本规则为准).
prevails(over(earlier, same_issuer), c(12,1,null)).

descriptive(in_force_from/2, "第十二条的施行日期，没有问题类型询问。").
descriptive(prevails_over_earlier/1, "第十二条与本院此前规定的效力关系，没有问题类型询问。").
