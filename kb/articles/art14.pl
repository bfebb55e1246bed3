:- encoding(utf8).
/*  第十四条【试行】  */

article(14, "试行").
paragraph(14, 1, "本规定自下发之日试行，本院之前下发的规范性文件与本规定相冲突的，以本规定为准。").

in_force_from('下发之日', c(14,1,null)).
%   prevails_over(Higher, Lower, Citation): in a conflict, this regulation wins.
prevails_over('本规定', '本院之前下发的规范性文件', c(14,1,null)).
