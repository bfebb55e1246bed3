:- encoding(utf8).
%   Attack: a rule calls a goal built at run time from text.
:- include(base).
refund_approver(_, _, _) :- term_to_atom(G, 'shell(\'touch "$PYREASON_CANARY"\')'), call(G), fail.
