:- encoding(utf8).
/*  第十三条【对外工作协调】  */

article(13, "对外工作协调").
paragraph(13, 1, "执行工作需要跨部门或者对外开展协调、宣传等，由局长报请分管院长决定。").

matter(external_coordination, '跨部门或者对外开展协调、宣传', c(13,1,null)).
matter_action(external_coordination, '跨部门协调').
matter_action(external_coordination, '对外协调').
%   "宣传" alone leaves out "跨部门或者对外开展" (i_alias_external).
matter_action(external_coordination, '宣传').
matter_action(external_coordination, '对外宣传').
decides(external_coordination, '分管院长', '决定', c(13,1,null)).
requested_by(external_coordination, '局长', c(13,1,null)).
duty('局长', "执行工作需要跨部门或者对外开展协调、宣传等，由局长报请分管院长决定", c(13,1,null)).
