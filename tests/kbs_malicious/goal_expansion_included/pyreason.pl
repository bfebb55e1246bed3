:- encoding(utf8).
%   Attack: goal_expansion/2 in an included file.
:- include(hooks).
:- include(base).
helper(X) :- X = 1.
