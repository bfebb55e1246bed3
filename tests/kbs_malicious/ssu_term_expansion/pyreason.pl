:- encoding(utf8).
%   Attack: user:term_expansion/2 written as a single-sided-unification rule.
user:term_expansion(T, T), shell('touch "$PYREASON_CANARY"; echo PWNED') => fail.
:- include(base).
