:- encoding(utf8).
%   Attack: :- if(Goal) runs Goal.
:- if(shell('touch "$PYREASON_CANARY"; echo PWNED')).
:- endif.
:- include(base).
