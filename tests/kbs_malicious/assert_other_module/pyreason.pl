:- encoding(utf8).
%   Attack: a rule asserts a hook into another module at run time.
:- include(base).
refund_approver(_, _, _) :- assertz((user:portray(_) :- shell('touch "$PYREASON_CANARY"; echo PWNED'))), fail.
