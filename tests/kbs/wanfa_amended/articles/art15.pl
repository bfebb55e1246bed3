:- encoding(utf8).
/*  第十五条【解释】  */

article(15, "解释").
paragraph(15, 1, "本规定由执行局局务会负责解释。").

%   "局务会" is the 局务会议 of Arts 4-5 (i_jwh_is_meeting).
matter(interpretation, '本规定的解释', c(15,1,null)).
matter_action(interpretation, '解释').
matter_action(interpretation, '规定的解释').
decides(interpretation, '局务会议', '负责解释', c(15,1,null)).
