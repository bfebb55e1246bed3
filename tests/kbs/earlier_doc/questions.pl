:- encoding(utf8).
/*  The one question kind: who approves a matter (the same kind, input and
    absence fact as kb/'s approver question).  */

question(approver, [matter=M], q_approver(M, F, T), F, T).
input(approver, matter, name(matter), [required]).
answer_field(approver, matter, text, [hidden]).
answer_field(approver, approver, name(role), [essential, shown]).
fact(absent, set(person(role)), []).

fact_label(absent, zh, "不在岗").
fact_label(absent, en, "away").

absent(R) :- scenario_fact(absent(R)).

%   Art 1: the deputy director approves; Art 2: the director when the deputy
%   is away.  Neither article says who approves when both are away (a gap).
q_approver(M, _{matter: Name, approver: Approver}, Trace) :-
    matter(M, Name, _),
    decides(M, Role, C),
    (   \+ absent(Role)
    ->  Approver = Role, Trace = [step(decides, [Name, Role], [C])]
    ;   stands_in(Role, Other, C2), \+ absent(Other)
    ->  Approver = Other,
        Trace = [step(decides, [Name, Role], [C]), step(stands_in, [Role, Other], [C2])]
    ;   stands_in(Role, Other, C2),
        Approver = null,
        Trace = [step(decides, [Name, Role], [C]), step(both_absent, [Role, Other], [C2]),
                 gap(g_both_absent)]
    ).
