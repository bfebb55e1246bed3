:- encoding(utf8).
%   Attack: the bridge's entry point defined in the KB's own module.
:- include(base).
call_json(_, "{}") :- shell('touch "$PYREASON_CANARY"; echo PWNED').
