:- encoding(utf8).
/*  第一条【领导负责制】

    Paragraphs (款) are reconstructed from the PDF line widths: a first line
    carries a two-character indent (<= 25 characters), a continuation line is
    full width (26-27).  Article 1 thus has six paragraphs.
*/

article(1, "领导负责制").
paragraph(1, 1, "执行局在院党组领导下，根据层级管理、职责到位的原则，实行分管副院长、局长、团队长负责制；").
paragraph(1, 2, "执行局在分管副院长领导和指挥下，对执行局办理的执行案件和相关事务履行职责，并向院党组负责；").
paragraph(1, 3, "局长负责落实分管副院长工作部署，对分管副院长负责。").
paragraph(1, 4, "副局长负责协助局长开展各项工作；").
paragraph(1, 5, "各执行团队的团队长对本团队办理的执行案件和相关事务履行职责，向局长负责；").
paragraph(1, 6, "局长（副局长）、团队长要切实履行一岗双责的主体责任，抓好执行工作的同时，带好执行队伍，有效防范执行廉政风险。").

%   Reporting lines: reports_to(Role, Superior, Citations, Interpretations).
reports_to('执行局', '院党组', [c(1,2,null)], []).
reports_to('局长', '分管副院长', [c(1,3,null)], []).
%   "协助" is not "对…负责": the deputy's line to the director is read from
%   1(4), 2(2) and the duty to report in 8(2).
reports_to('副局长', '局长', [c(1,4,null), c(2,2,null), c(8,1,2)],
           [i_deputy_reports_to_director]).
reports_to('团队长', '局长', [c(1,5,null), c(10,1,null)], []).
%   Nothing says to whom the 分管副院长 answers; 1(1) and 1(2) put the whole
%   responsibility system he heads under the 院党组's leadership.
reports_to('分管副院长', '院党组', [c(1,1,null), c(1,2,null)],
           [i_vp_answers_to_party_group]).

%   Standing duties the paragraphs name (duty/3 as in art02.pl), each text
%   verbatim from its paragraph.
duty('局长', "落实分管副院长工作部署", c(1,3,null)).
duty('副局长', "协助局长开展各项工作", c(1,4,null)).
duty('团队长', "对本团队办理的执行案件和相关事务履行职责", c(1,5,null)).

%   Who leads and commands the bureau (1(2)); used for Art. 11 disagreements
%   and as a grantor of the authorisation of 8(5) (i_authorisation_grantor).
leads_bureau('分管副院长', [c(1,2,null)]).

%   一岗双责: the posts that carry the dual responsibility (1(6)).
dual_responsibility('局长', c(1,6,null)).
dual_responsibility('副局长', c(1,6,null)).
dual_responsibility('团队长', c(1,6,null)).
