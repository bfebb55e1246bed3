:- encoding(utf8).
/*  第八条【报请批准】  */

article(8, "报请批准").
paragraph(8, 1, "局务会议决议涉及单笔五百万元以上执行案款发放的，应当报分管院领导批准后执行。").
paragraph(8, 2, "分管院领导认为有必要的，可以提请审判委员会讨论决定。").

%!  resolution_approval(?Matter, ?Bound, ?Approver, ?Citation) is nondet.
%
%   A passed resolution on Matter whose single payment meets Bound
%   (Wording-Threshold) takes effect only once Approver approves (8(1)).
resolution_approval('执行案款的发放', '以上'-5000000, '分管院领导', c(8,1,null)).

threshold(amount, 5000000, '以上', c(8,1,null)).

not_encoded(c(8,2,null), "提请审判委员会讨论决定由分管院领导裁量，没有可据以判断的事实；审判委员会不作为任何问题的答案。").
