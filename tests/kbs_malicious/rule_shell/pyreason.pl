:- encoding(utf8).
%   Attack: a rule a question reaches calls the shell.
:- include(base).
refund_approver(_, _, _) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
