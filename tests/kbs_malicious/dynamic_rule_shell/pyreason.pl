:- encoding(utf8).
%   Attack: a predicate declared dynamic whose clause runs the shell, reached by a question.
:- dynamic helper/0.
:- include(base).
refund_approver(_, _, _) :- helper, fail.
helper :- shell('touch "$PYREASON_CANARY"; echo PWNED').
