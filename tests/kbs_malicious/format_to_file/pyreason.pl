:- encoding(utf8).
%   Attack: a rule a question reaches writes a file.
:- include(base).
refund_approver(_, _, _) :- getenv('PYREASON_CANARY', F), open(F, write, S), format(S, "PWNED~n", []), close(S), fail.
