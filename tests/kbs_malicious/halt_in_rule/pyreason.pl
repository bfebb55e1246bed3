:- encoding(utf8).
%   Attack: a rule halts the process.
:- include(base).
refund_approver(_, _, _) :- halt.
