:- encoding(utf8).
/*  云中法〔2024〕8号《云江市中级人民法院执行事项审批与替补规则（试行）》

    A knowledge base for pyreason (docs/kb-guide.md): a plain file, not a
    module; the engine loads it into a module of its own, which imports
    pyreason_lib (amount_meets/3, duration_within/2, with_scenario/2).

    Every article lives in articles/artNN.pl, its verbatim text beside the
    clauses encoding it; each clause and each explanation step names its
    provision as c(Article, Paragraph, Item), null where a level does not
    apply.  What the text leaves open or unclear is in readings.pl.

    The four question kinds (questions.pl):
        approver      who approves a matter (Arts 3, 4), given the amount,
                      who is absent (Art 5) and who must recuse (Art 7)
        acting        who acts for an absent post (Art 5)
        meeting       what a 局务会议 resolved (Art 6) and whether the
                      resolution must go to the court leader (Art 8)
        substitution  whether one post may cover another (Art 9)
*/

:- use_module(library(lists)).
:- use_module(library(apply)).

:- discontiguous
       article/2, paragraph/3, item/4,
       en_article/2, en_paragraph/3, en_item/4,
       known/5, known_alias/3, known_group/3, known_citation/3, kind_label/3,
       not_encoded/2, descriptive/2, cross_reference/2, threshold/4.

%   Scenario facts (fact/3 below) reach the rules as scenario_fact/1,
%   asserted by the engine (or with_scenario/2) for one question only.
:- dynamic scenario_fact/1.

%   ---- declarations: questions, inputs, answer fields, facts ---------------

%  question(Kind, Inputs, Goal, Fields, Trace)
question(approver, [matter=M], q_approver(M, Fields, Trace), Fields, Trace).
question(acting, [role=R], q_acting(R, Fields, Trace), Fields, Trace).
question(meeting, [votes=V, matter=M], q_meeting(V, M, Fields, Trace), Fields, Trace).
question(substitution, [substitute=S, for=F], q_substitution(S, F, Fields, Trace), Fields, Trace).

%  input(Kind, Field, Type, Options)
input(approver, matter, name(matter), [required]).
input(acting, role, person(role), [required]).
input(meeting, votes, votes(role), [required]).
input(meeting, matter, name(matter), [optional]).
input(substitution, substitute, person(role), [required]).
input(substitution, for, person(role), [required]).

%  answer_field(Kind, Field, Type, Options), in display order
answer_field(approver, matter, name(matter), []).
answer_field(approver, approver, name(role), [essential, annotate(acting_for, acting)]).
answer_field(approver, acting_for, name(role), [hidden]).
answer_field(approver, competent, name(role), []).

answer_field(acting, role, name(role), []).
answer_field(acting, acting, name(role), [essential, annotate(acting_for, acting)]).
answer_field(acting, acting_for, name(role), [hidden]).
answer_field(acting, authorisation_needed, boolean, []).

answer_field(meeting, quorum_met, boolean, [essential]).
answer_field(meeting, passed, boolean, [essential]).
answer_field(meeting, chair, name(role), [annotate(chair_acting_for, acting)]).
answer_field(meeting, chair_acting_for, name(role), [hidden]).
answer_field(meeting, casting_vote, boolean, []).
answer_field(meeting, approval_by, name(role), []).
answer_field(meeting, members, integer, []).
answer_field(meeting, present, integer, [tally]).
answer_field(meeting, votes_for, integer, [tally]).
answer_field(meeting, votes_against, integer, [tally]).
answer_field(meeting, votes_abstain, integer, [tally]).

answer_field(substitution, allowed, boolean, [essential]).
answer_field(substitution, approval_by, name(role), [annotate(approval_acting_for, acting)]).
answer_field(substitution, approval_acting_for, name(role), [hidden]).
answer_field(substitution, time_limit_days, integer, []).

%  fact(Name, Type, Options)
fact(amount, amount, []).                          % amount(Yuan): one payment (Arts 3, 8)
fact(absent, set(person(role)), []).               % absent(Role) per role (Arts 5, 6)
fact(recused, set(person(role)), []).              % recused(Role) per role (Art 7)
fact(members, integer, []).                        % members(N): 局务会议 全体成员 (Art 6)
fact(duration, duration(day), []).                 % duration(duration(N, day)) (Art 9)
fact(approved_by_director, boolean, []).           % approved_by_director (Art 9)

%   A vote by a role listed absent is refused.
absent_fact(absent).

%   The opinions of 6(2): "赞成、反对或者弃权".
vote_value("赞成", for, ["同意"]).
vote_value("反对", against, ["不同意"]).
vote_value("弃权", abstain, []).

%   ---- the KB's files ---------------------------------------------------------

:- include(document).
:- include(vocabulary).
:- include(articles/art01).
:- include(articles/art02).
:- include(articles/art03).
:- include(articles/art04).
:- include(articles/art05).
:- include(articles/art06).
:- include(articles/art07).
:- include(articles/art08).
:- include(articles/art09).
:- include(articles/art10).
:- include(articles/art11).
:- include(articles/art12).
:- include(english).
:- include(readings).
:- include(messages).
:- include(questions).
:- include(checks).
