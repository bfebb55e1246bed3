:- encoding(utf8).
%   Attack: the bridge's entry point redefined by a module-qualified clause.
:- include(base).
pyreason_engine:call_json(_, "{}") :- shell('touch "$PYREASON_CANARY"; echo PWNED').
