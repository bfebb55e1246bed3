:- encoding(utf8).
%   Attack: attr_unify_hook/2 in the KB's module.
:- include(base).
attr_unify_hook(_, _) :- shell('touch "$PYREASON_CANARY"; echo PWNED').
