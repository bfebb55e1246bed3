:- encoding(utf8).
/*  The question predicates, their inputs, their answer fields, and the facts a
    scenario may state.

    question(Kind, Inputs, Goal, Fields, Trace)
        Inputs binds the variables of Goal to the scenario's converted fields;
        Goal, called in the KB's module, binds Fields to a dict of the answer
        fields (null where the text gives no answer) and Trace to the list of
        step/3, gap/1, interp/1 and note/3 terms.
    input(Kind, Field, Type, Options)
        an input of the question (types and options: docs/kb-guide.md).
    answer_field(Kind, Field, Type, Options)
        a field of the answer, in display order.
    fact(Name, Type, Options)
        a scenario fact, reaching the rules as scenario_fact(Fact).

    Example:
        question(approver, [matter=M], q_approver(M, Fields, Trace), Fields, Trace).
        input(approver, matter, name(matter), [required]).
        answer_field(approver, approver, name(role), [essential]).
        fact(absent, set(person(role)), []).
*/

:- dynamic question/5, input/4, answer_field/4, fact/3.

question(approver, [matter=M], q_approver(M, F, T), F, T).
input(approver, matter, name(matter), [required]).
answer_field(approver, approver, name(role), [essential, shown]).
fact(amount, amount, []).

%   Who approves a refund of the amount the scenario states; without an
%   amount the text cannot say (a gap).
q_approver(refund, _{approver: Approver}, Trace) :-
    (   scenario_fact(amount(A))
    ->  refund_approver(A, Approver, C),
        Trace = [step(refund_band, [A, Approver], [C])]
    ;   Approver = null,
        Trace = [step(no_amount, [], [c(2,1,null)]), gap(g_amount_needed)]
    ).
fact_label(amount, zh, "退费金额").
fact_label(amount, en, "the amount refunded").
