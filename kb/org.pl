:- encoding(utf8).
/*  A court's staff list (org chart), so questions may name persons.

    The chart lives in module pyreason_org as staff(Name, Post, Team, Dept)
    and reports(Name, Boss) facts, loaded once by load_org/2 (not per
    question).  Team and Dept are atoms or null.  Scope is derived from the
    chart: two persons of one team are in team scope, of one department in
    department scope, otherwise in bureau scope (12(2)).
*/

:- dynamic pyreason_org:staff/4,
           pyreason_org:reports/2.

staff(Name, Post, Team, Dept) :- pyreason_org:staff(Name, Post, Team, Dept).

%!  load_org(+Rows:list, -Reply:dict) is det.
%
%   Validate a staff list (dicts with name, post, and optionally team,
%   department, reports_to; each with its row number) and, if it has no
%   errors, make it the chart.  Reply is {"errors": [...], "summary": {...}}.
load_org(Rows, _{errors: ErrorDicts, summary: Summary}) :-
    org_rows_(Rows, Parsed, E1),
    org_consistency_(Parsed, E2),
    append(E1, E2, Errors),
    findall(D, ( member(org_error(C, F, V), Errors), error_reply(pyreason_error(C, F, V), zh, R),
                 D = R.error ), ErrorDicts),
    (   Errors == []
    ->  retractall(pyreason_org:staff(_, _, _, _)),
        retractall(pyreason_org:reports(_, _)),
        forall(member(row(_, N, P, T, D, _), Parsed), assertz(pyreason_org:staff(N, P, T, D))),
        forall(( member(row(_, N, _, _, _, B), Parsed), B \== null ), assertz(pyreason_org:reports(N, B)))
    ;   true
    ),
    org_summary_(Parsed, Summary).

org_rows_(Rows, Parsed, Errors) :-
    foldl(org_row_, Rows, []-[], Parsed0-Errors0),
    reverse(Parsed0, Parsed),
    reverse(Errors0, Errors).

org_row_(Row, Ps-Es, Ps1-Es1) :-
    get_dict(row, Row, I),
    format(atom(Fd), "staff[~w].post", [I]),
    get_dict(name, Row, NameS), atom_string(Name, NameS),
    org_field_(Row, team, Team), org_field_(Row, department, Dept), org_field_(Row, reports_to, Boss),
    catch(( resolve_role(Fd, Row.post, person, Post), R = ok ),
          pyreason_error(Code, _, V), R = error(Code, V)),
    (   R == ok
    ->  Ps1 = [row(I, Name, Post, Team, Dept, Boss) | Ps], Es1 = Es
    ;   R = error(C, Val),
        Ps1 = Ps, Es1 = [org_error(C, Fd, Val) | Es]
    ).

org_field_(Row, Key, Value) :-
    (   get_dict(Key, Row, S), string(S), S \== "" -> atom_string(Value, S) ; Value = null ).

%   Each person once; a team in one department; one holder of each post a
%   unit has once (局长 in the bureau, 副局长 per department, 团队长 per team);
%   reports_to names a person of the chart and makes no cycle.
org_consistency_(Rows, Errors) :-
    findall(E, org_problem_(Rows, E), Errors0),
    list_to_set(Errors0, Errors).

org_problem_(Rows, org_error(Code, Fd, Name)) :-
    msort_names_(Rows, Sorted),
    nextto(N-_, N-I, Sorted),
    (   findall(T, member(row(_, N, _, T, _, _), Rows), Ts), sort(Ts, [_, _ | _])
    ->  Code = person_in_two_teams
    ;   Code = person_listed_twice
    ),
    format(atom(Fd), "staff[~w].name", [I]), atom_string(N, Name).
org_problem_(Rows, org_error(name_is_a_role, Fd, NameS)) :-   % a name questions could not tell apart
    member(row(I, N, _, _, _, _), Rows),
    ( role(N, _, _, _) ; role(_, _, N, _) ; role_alias(N, _) ),  % indexed, not folded: O(1) a name
    !,
    atom_string(N, NameS),
    format(atom(Fd), "staff[~w].name", [I]).
org_problem_(Rows, org_error(team_in_two_departments, Fd, TeamS)) :-
    findall(T-D, ( member(row(_, _, _, T, D, _), Rows), T \== null, D \== null ), TDs0),
    sort(TDs0, TDs),
    nextto(T-_, T-D2, TDs),
    once(member(row(I, _, _, T, D2, _), Rows)),
    format(atom(Fd), "staff[~w].department", [I]), atom_string(T, TeamS).
org_problem_(Rows, org_error(two_holders, Fd, Unit)) :-
    member(Post-UnitArg, ['局长'-none, '副局长'-dept, '团队长'-team]),
    findall(U-I, ( member(row(I, _, Post, T, D, _), Rows), unit_(UnitArg, T, D, U) ), UIs0),
    msort(UIs0, UIs),
    nextto(U-_, U-I2, UIs),
    format(atom(Fd), "staff[~w].post", [I2]),
    (   U == bureau -> format(string(Unit), "~w", [Post]) ; format(string(Unit), "~w（~w）", [Post, U]) ).
org_problem_(Rows, org_error(unknown_person, Fd, BossS)) :-
    findall(N, member(row(_, N, _, _, _, _), Rows), Ns0), sort(Ns0, Names),
    member(row(I, _, _, _, _, B), Rows), B \== null,
    \+ ord_memberchk(B, Names),
    format(atom(Fd), "staff[~w].reports_to", [I]), atom_string(B, BossS).
org_problem_(Rows, org_error(reporting_cycle, Fd, Path)) :-
    org_cycle_(Rows, Cycle),
    Cycle = [First | _],
    once(member(row(I, First, _, _, _, _), Rows)),
    format(atom(Fd), "staff[~w].reports_to", [I]),
    atomic_list_concat(Cycle, ' → ', P0), format(string(Path), "~w → ~w", [P0, First]).

unit_(none, _, _, bureau).
unit_(dept, _, D, D) :- D \== null.
unit_(team, T, _, T) :- T \== null.

msort_names_(Rows, Sorted) :-
    findall(N-I, member(row(I, N, _, _, _, _), Rows), Pairs),
    msort(Pairs, Sorted).

%   A cycle of reports_to, found in O(n log n): each walk up stops at a person
%   already known to lead out of the chart.
org_cycle_(Rows, Cycle) :-
    findall(N-B, ( member(row(_, N, _, _, _, B), Rows), B \== null ), Edges),
    list_to_assoc_dedup_(Edges, Boss),
    findall(N, member(row(_, N, _, _, _, _), Rows), Names),
    empty_assoc(Done0),
    cycle_walk_(Names, Boss, Done0, Cycle).

list_to_assoc_dedup_(Pairs, Assoc) :-
    sort(1, @<, Pairs, Unique),
    list_to_assoc(Unique, Assoc).

cycle_walk_([N | Ns], Boss, Done, Cycle) :-
    (   get_assoc(N, Done, _)
    ->  cycle_walk_(Ns, Boss, Done, Cycle)
    ;   walk_up_(N, Boss, Done, [], Path, Result),
        (   Result = cycle(C)
        ->  Cycle = C
        ;   foldl([X, D0, D1]>>put_assoc(X, D0, true, D1), Path, Done, Done1),
            cycle_walk_(Ns, Boss, Done1, Cycle)
        )
    ).

walk_up_(N, Boss, Done, Seen, Path, Result) :-
    (   memberchk(N, Seen)
    ->  reverse(Seen, Ordered), append(_, [N | Rest], Ordered), Result = cycle([N | Rest]), Path = Seen
    ;   get_assoc(N, Done, _)
    ->  Path = Seen, Result = ok
    ;   get_assoc(N, Boss, B)
    ->  walk_up_(B, Boss, Done, [N | Seen], Path, Result)
    ;   Path = [N | Seen], Result = ok
    ).

org_summary_(Rows, _{staff: N, teams: NT, departments: ND, posts: Posts}) :-
    length(Rows, N),
    findall(T, ( member(row(_, _, _, T, _, _), Rows), T \== null ), Ts0), sort(Ts0, Ts), length(Ts, NT),
    findall(D, ( member(row(_, _, _, _, D, _), Rows), D \== null ), Ds0), sort(Ds0, Ds), length(Ds, ND),
    findall(P, member(row(_, _, P, _, _, _), Rows), Ps0), msort(Ps0, Ps1), clumped(Ps1, PCs),
    findall(_{post: P, count: C}, member(P-C, PCs), Posts).

%   ---- persons in questions ---------------------------------------------------

%!  person(+Name, -Post, -Team, -Dept) is semidet.
person(Name, Post, Team, Dept) :-
    atom(Name),
    pyreason_org:staff(Name, Post, Team, Dept),
    !.

%!  chart_scope(+A, +B, -Scope, -Unit) is det.
%
%   The scope of two persons under 12(2): team if one team, department if
%   one department, else bureau; Unit is that team or department.
chart_scope(A, B, Scope, Unit) :-
    person(A, _, TA, DA), person(B, _, TB, DB),
    (   TA \== null, TA == TB -> Scope = team, Unit = TA
    ;   DA \== null, DA == DB -> Scope = department, Unit = DA
    ;   Scope = bureau, Unit = bureau
    ).

%!  holder(+Post, +Unit, -Name) is semidet.
%
%   The person holding Post in Unit (a team, a department, or bureau), or
%   the only holder of Post in the chart.
holder('团队长', Unit, Name) :- Unit \== bureau, staff(Name, '团队长', Unit, _), !.
holder('副局长', Unit, Name) :- Unit \== bureau, staff(Name, '副局长', _, Unit), !.
holder(Post, _, Name) :-
    findall(N, staff(N, Post, _, _), [Name]).

%!  person_superior(+Name, -Boss) is semidet.
%
%   Whom a person answers to: reports_to if the chart says so, else the
%   holder of the superior post in the person's own unit.
person_superior(Name, Boss) :-
    pyreason_org:reports(Name, Boss), !.
person_superior(Name, Boss) :-
    person(Name, Post, Team, Dept),
    superior_of(Post, SupPost, _, _),
    (   SupPost == '团队长', Team \== null -> holder('团队长', Team, Boss)
    ;   SupPost == '副局长', Dept \== null -> holder('副局长', Dept, Boss)
    ;   holder(SupPost, bureau, Boss)
    ).
