:- encoding(utf8).
/*  The engine library's own tests: amounts, durations and dates as Chinese
    legal text writes them, the boundary words, Chinese numerals.

        swipl -q -g run_tests -t halt pyreason/prolog/tests/lib.plt
    (make test runs it).
*/
:- use_module(library(plunit)).
:- prolog_load_context(directory, D), atom_concat(D, '/../numbers.pl', N), use_module(N).
:- prolog_load_context(directory, D), atom_concat(D, '/../lib.pl', L), use_module(L).

:- begin_tests(amounts).

test("arabic digits, 万, 亿 and 元", all(N-V == ["300万元"-3000000, "3,000,000"-3000000, "1.5亿"-150000000,
                                         "4999999元"-4999999, "人民币500万元"-5000000, "0.5元"-0.5])) :-
    member(N, ["300万元", "3,000,000", "1.5亿", "4999999元", "人民币500万元", "0.5元"]),
    parse_amount(N, V).
test("chinese numerals", all(N-V == ["三百万元"-3000000, "五十万元"-500000, "一千二百万"-12000000,
                                     "两百万"-2000000, "十五万元"-150000])) :-
    member(N, ["三百万元", "五十万元", "一千二百万", "两百万", "十五万元"]),
    parse_amount(N, V).
test("a number is an amount in 元", true(V == 42)) :- parse_amount(42, V).
test("what is not fully understood is no amount", fail) :-
    member(N, ["abc", "万元", "三百万abc", "300万美元", "-5", "1e400"]),
    parse_amount(N, _).
test("a negative number is no amount", fail) :- parse_amount(-1, _).

:- end_tests(amounts).

:- begin_tests(boundaries).

%   民法典第一千二百五十九条: 以上、以下、以内 include the number; 不满、超过 do not.
test("以上 and 以下 include the number") :-
    amount_meets(5000000, '以上', 5000000), amount_meets(5000000, '以下', 5000000).
test("不满 and 超过 exclude it", fail) :-
    ( amount_meets(5000000, '不满', 5000000) ; amount_meets(5000000, '超过', 5000000) ).
test("just either side", true(Rs == [true, false, false, true])) :-
    findall(R, ( member(A-W, [4999999-'不满', 5000000-'不满', 5000000-'超过', 5000001-'超过']),
                 ( amount_meets(A, W, 5000000) -> R = true ; R = false ) ), Rs).
test("an unknown boundary word is an error", error(domain_error(amount_wording, '左右'))) :-
    amount_meets(1, '左右', 1).

:- end_tests(boundaries).

:- begin_tests(durations).

test("days, weeks and numbers", all(V-D == ["40日"-duration(40, day), "三十天"-duration(30, day),
                                          "2周"-duration(14, day), 7-duration(7, day)])) :-
    member(V, ["40日", "三十天", "2周", 7]),
    parse_duration(V, day, D).
test("months and workdays keep their unit", all(D == [duration(3, month), duration(10, workday)])) :-
    ( parse_duration("3个月", month, D) ; parse_duration("10个工作日", workday, D) ).
test("a month is not a number of days", fail) :- parse_duration("1个月", day, _).
test("the unit a value is written in", true(U == month)) :- duration_unit("1个月", U).
test("within a limit of the same unit only") :-
    duration_within(duration(30, day), duration(30, day)),
    \+ duration_within(duration(31, day), duration(30, day)),
    catch(duration_within(duration(1, month), duration(30, day)), error(domain_error(_, _), _), true).

:- end_tests(durations).

:- begin_tests(dates).

test("iso and chinese forms", all(D == [date(2024, 3, 1), date(2024, 3, 1), date(2024, 3, 1), date(2024, 2, 29)])) :-
    member(S, ["2024-03-01", "2024年3月1日", "二〇二四年三月一日", "2024/2/29"]),
    parse_date(S, D).
test("no such day", fail) :- member(S, ["2023-02-29", "2024-13-01", "2024年4月31日", "昨天"]), parse_date(S, _).
test("days between and order", true(N-O == 366-(<))) :-
    days_between(date(2024, 1, 1), date(2025, 1, 1), N),
    date_compare(date(2024, 1, 1), O, date(2025, 1, 1)).

:- end_tests(dates).

:- begin_tests(chinese_numerals).

test("as article and item numbers are written", all(N-T == [1-"一", 10-"十", 12-"十二", 20-"二十", 105-"一百零五",
                                                           110-"一百一十", 1259-"一千二百五十九"])) :-
    member(N, [1, 10, 12, 20, 105, 110, 1259]),
    chinese_numeral(N, T).
test("read back", all(N == [105, 1259])) :-
    member(T, ["一百零五", "一千二百五十九"]),
    chinese_number(T, N).

:- end_tests(chinese_numerals).
