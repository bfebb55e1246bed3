:- encoding(utf8).
/*  云中法〔2025〕3号《云江市中级人民法院执行事务委员会议事规则（试行）》

    A knowledge base for pyreason (docs/kb-guide.md): a plain file, not a
    module; the engine loads it into a module of its own, which imports
    pyreason_lib (with_scenario/2, ...).

    A committee of fifteen (Art 2): one 主任委员, one 副主任委员 and thirteen
    委员.  Every article lives in articles/artNN.pl, its verbatim text beside
    the clauses encoding it; each clause and each explanation step names its
    provision as c(Article, Paragraph, Item), null where a level does not
    apply.  What the text leaves open or unclear is in readings.pl.

    One question kind (questions.pl):
        meeting   whether the committee could meet (Art 3), who chaired, what
                  it resolved (Art 4) and whether the resolution may go to
                  the court leader in charge (Art 5)
*/

:- use_module(library(lists)).
:- use_module(library(apply)).

:- discontiguous
       article/2, paragraph/3, item/4,
       en_article/2, en_paragraph/3, en_item/4,
       known/5, known_alias/3, known_group/3, known_citation/3, kind_label/3,
       not_encoded/2, descriptive/2, unique_holder/1.

%   Scenario facts reach the rules as scenario_fact/1; this KB declares none
%   (who attends is who votes: i_present_are_voters).
:- dynamic scenario_fact/1.

%   ---- declarations: questions, inputs, answer fields ------------------------

%  question(Kind, Inputs, Goal, Fields, Trace)
question(meeting, [votes=V], q_meeting(V, Fields, Trace), Fields, Trace).

%  input(Kind, Field, Type, Options)
input(meeting, votes, votes(role), [required]).

%  answer_field(Kind, Field, Type, Options), in display order
answer_field(meeting, quorum_met, boolean, [essential]).
answer_field(meeting, passed, boolean, [essential]).
answer_field(meeting, chair, name(role), [essential]).
answer_field(meeting, casting_vote, boolean, [essential]).
answer_field(meeting, referral_to, name(role), [essential]).
answer_field(meeting, members, integer, []).
answer_field(meeting, present, integer, [tally]).
answer_field(meeting, votes_for, integer, [tally]).
answer_field(meeting, votes_against, integer, [tally]).
answer_field(meeting, votes_abstain, integer, [tally]).

%   The opinions of 4(1): "赞成、反对或者弃权".
vote_value("赞成", for, ["同意"]).
vote_value("反对", against, ["不同意"]).
vote_value("弃权", abstain, []).

%   How many hold each post of the committee (2(1)): one vote each, so no
%   more votes of a post than it has holders.
unique_holder(Post) :- seat(Post, 1, _).
holders(Post, N) :- seat(Post, N, _), N > 1.

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
:- include(english).
:- include(readings).
:- include(messages).
:- include(questions).
:- include(checks).
