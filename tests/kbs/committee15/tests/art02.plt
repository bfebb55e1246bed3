:- encoding(utf8).
/*  Tests for 第二条【组成】: 主任委员一人、副主任委员一人和委员十三人，共十五人. */
:- begin_tests(article_2).

test("the posts of 2(1) and how many hold each", true(Seats == ['主任委员'-1, '副主任委员'-1, '委员'-13])) :-
    findall(P-N, seat(P, N, c(2,1,null)), Seats).

test("the posts add up to 共十五人", true(Sum == Total)) :-
    aggregate_all(sum(N), seat(_, N, _), Sum),
    composition(Total, c(2,1,null)).

test("one 主任委员 and one 副主任委员: each votes once") :-
    unique_holder('主任委员'),
    unique_holder('副主任委员').

test("thirteen 委员: at most thirteen of their votes", true(N == 13)) :-
    holders('委员', N).

test("the 委员 are not a unique post", fail) :-
    unique_holder('委员').

:- end_tests(article_2).
