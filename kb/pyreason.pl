:- encoding(utf8).
:- module(pyreason_kb,
          [ call_json/2,           % +Request:string, -Reply:string (the bridge)
            call_hex/2,            % +HexRequest, -JsonReply
            ask/2,                 % +Scenario:dict, -Answer:dict
            ask/3,                 % +Scenario:dict, +Lang, -Answer:dict
            vocabulary/1,          % -Vocabulary:dict
            articles/1,            % -Document:dict
            readings/2,            % +Lang, -Readings:dict
            with_scenario/2,       % +Facts, :Goal
            q_approver/3,          % +Matter, -Fields, -Trace
            q_superior/3,          % +Role, -Fields, -Trace
            q_substitution/5,      % +Substitute, +For, +Scope, -Fields, -Trace
            q_disagreement/5,      % +A, +B, +Scope, -Fields, -Trace
            q_meeting/4,           % +Meeting, +Votes, -Fields, -Trace
            q_duties/3,            % +Role, -Fields, -Trace
            load_org/2,            % +Rows, -Reply
            person/4,              % ?Name, -Post, -Team, -Dept
            chart_scope/4,         % +A, +B, -Scope, -Unit
            resolve_role/4,        % +Field, +Value, +Kind, -Role
            resolve_matter/3,      % +Field, +Value, -Matter
            name_key/2             % +Name, -Key
          ]).
/** <module> 《关于落实执行管理层级负责制的若干规定（试行）》 as rules

The knowledge base of pyreason.  Every article lives in its own file under
articles/, its verbatim text (article/2, paragraph/3, item/4) beside the
clauses that encode it, each clause naming its article, paragraph (款) and
item (项) as c(Article, Paragraph, Item), with null where one does not apply.
Where the text is silent or ambiguous, readings.pl records it.

The question kinds are in questions.pl, the words of the answers in
messages.pl, and the data bridge to Python in api.pl.
*/

:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(library(aggregate)).
:- use_module(library(error)).
:- use_module(library(yall)).
:- use_module(library(time)).
:- use_module(library(sha)).
:- use_module(library(utf8)).
:- use_module(library(http/json)).
:- use_module(library(assoc)).

:- discontiguous
       article/2, paragraph/3, item/4,
       matter/3, matter_action/2, decides/4, requested_by/3,
       reports_to/4, duty/3.

%   The unofficial English rendering (english.pl) is optional: a KB without
%   it answers in English with Chinese article text only.
:- dynamic en_document_title/1, en_preamble/1, en_article/2,
           en_paragraph/3, en_item/4.

:- include(document).
:- include(english).
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
:- include(articles/art13).
:- include(articles/art14).
:- include(articles/art15).
:- include(readings).
:- include(messages).
:- include(questions).
:- include(org).
:- include(api).
