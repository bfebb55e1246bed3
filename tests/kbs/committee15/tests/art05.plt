:- encoding(utf8).
/*  Tests for 第五条【报请决定】: a passed resolution the 主任委员 voted against. */
:- begin_tests(article_5).

votes(Groups, Votes) :-
    findall(vote(P, O, null), ( member(P-O-N, Groups), between(1, N, _) ), Votes).

referral_to(Groups, To) :-
    votes(Groups, Votes),
    q_meeting(Votes, F, _),
    get_dict(referral_to, F, To).

test("passed, the 主任委员 against: may go to the 分管院领导", true(To == '分管院领导')) :-
    referral_to(['主任委员'-"反对"-1, '副主任委员'-"赞成"-1, '委员'-"赞成"-5, '委员'-"反对"-2], To).

test("passed, the 主任委员 abstaining: an abstention is no 反对意见", true(To == null)) :-
    referral_to(['主任委员'-"弃权"-1, '委员'-"赞成"-6, '委员'-"反对"-2], To).

test("failed, the 主任委员 for: only passed resolutions", true(To == null)) :-
    referral_to(['主任委员'-"赞成"-1, '委员'-"赞成"-2, '委员'-"反对"-6], To).

test("the 副主任委员 chairing and against: 5(1) names the 主任委员 only", true(To == null)) :-
    referral_to(['副主任委员'-"反对"-1, '委员'-"赞成"-6, '委员'-"反对"-1], To).

:- end_tests(article_5).
