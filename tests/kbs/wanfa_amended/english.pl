:- encoding(utf8).
/*  English rendering of 宛法〔2023〕123号
    《关于落实执行管理层级负责制的若干规定（试行）》

    This is an UNOFFICIAL English rendering, provided for reference only.
    The Chinese text (document.pl and articles/art01.pl ... art15.pl) is the
    only authoritative version; where the two differ, the Chinese prevails.

    The rendering keeps the structure of the original: one en_article/2 per
    article/2, one en_paragraph/3 per paragraph/3 (款) and one en_item/4 per
    item/4 (项), with the same numbers.  Ambiguities of the Chinese are kept
    rather than resolved (see readings.pl for how the KB reads them).  Role
    names are rendered consistently; where it helps to match the original,
    the Chinese is added in parentheses, at most once per paragraph:

        院党组        the court's Party leadership group
        审判委员会    the adjudication committee
        分管院长      the court leader in charge
        分管副院长    the vice-president in charge   (kept distinct from the above)
        局长 / 副局长 director / deputy director
        处长          division head
        团队长        team leader
        执行团队      enforcement team
        执行组        enforcement group              (kept distinct from the above)
        局务会议      bureau meeting  (局务会, Arts 5 and 15: also "bureau meeting",
                                       marked with the Chinese)
        团队长联席会议 joint meeting of team leaders
        多数意见      majority opinion
        过程审批      process approval
        不在岗        not at his post
        授权          authorisation
        顺向/逆向替补 forward/reverse substitution
        领导岗位      leadership posts
        一岗双责      dual responsibility of the post

    en_document_title(Text).  en_preamble(Text).
    en_article(N, Title).  en_paragraph(A, P, Text).  en_item(A, P, I, Text).
*/

:- discontiguous en_article/2, en_paragraph/3, en_item/4.

en_document_title("Several Provisions on Implementing the Level-Based Responsibility System for Enforcement Management (Revised 2024)").

en_preamble("In order to fully implement the work requirements of the reform of the enforcement system, to establish and improve an enforcement work mechanism of unified management, unified command and unified coordination, to further standardise enforcement work procedures, and to raise the quality and efficiency of enforcement work, these Provisions are formulated in accordance with the Civil Procedure Law of the People's Republic of China, judicial interpretations and the normative documents of higher courts, and in light of the actual enforcement work of this Court.").

%   Article 1 (领导负责制)
en_article(1, "Leadership Responsibility System").
en_paragraph(1, 1, "The Enforcement Bureau, under the leadership of the court's Party leadership group (院党组), and in accordance with the principle of management by level with responsibilities in place, implements a responsibility system of the vice-president in charge (分管副院长), the director (局长) and the team leaders (团队长);").
en_paragraph(1, 2, "The Enforcement Bureau, under the leadership and command of the vice-president in charge (分管副院长), performs its duties with respect to the enforcement cases handled by the Enforcement Bureau and related affairs, and is responsible to the court's Party leadership group;").
en_paragraph(1, 3, "The director (局长) is responsible for implementing the work arrangements of the vice-president in charge (分管副院长), and is responsible to the vice-president in charge.").
en_paragraph(1, 4, "The deputy director (副局长) is responsible for assisting the director in carrying out all areas of work;").
en_paragraph(1, 5, "The team leader (团队长) of each enforcement team performs duties with respect to the enforcement cases handled by his team and related affairs, and is responsible to the director;").
en_paragraph(1, 6, "The director (deputy director) and the team leaders shall earnestly fulfil the primary responsibility under the dual responsibility of the post (一岗双责), and, while doing enforcement work well, shall lead the enforcement workforce well and effectively guard against integrity risks in enforcement.").

%   Article 2 (分工负责制)
en_article(2, "Responsibility System by Division of Work").
en_paragraph(2, 1, "The director is responsible for the overall work of the Enforcement Bureau.").
en_paragraph(2, 2, "The deputy director, in accordance with the division of duties, assists the director in being responsible for case management, workforce building and other such work.").

%   Article 3 (权限层级制)
en_article(3, "System of Levels of Authority").
en_paragraph(3, 1, "The Enforcement Bureau establishes two levels of command and management authority: the bureau and the team.").
en_paragraph(3, 2, "The director independently exercises the first-level (bureau) command and management powers; the deputy director (division head, 处长) assists the director in exercising the first-level (bureau) command and management powers; the team leader exercises the second-level (team) command and management powers.").

%   Article 4 (集体讨论会议制度)
en_article(4, "System of Meetings for Collective Discussion").
en_paragraph(4, 1, "The Enforcement Bureau regularly holds bureau meetings (局务会议) and joint meetings of team leaders (团队长联席会议).").
en_paragraph(4, 2, "The bureau meeting is chaired by the director and attended by the vice-president in charge (分管副院长), the director, the deputy director, the secretary of the Party branch and the persons responsible for the matters concerned; the joint meeting of team leaders is attended by the director, the deputy director and the team leaders.").
en_paragraph(4, 3, "The bureau meeting and the joint meeting of team leaders may invite the president, vice-presidents and other relevant persons to attend.").

%   Article 5 (会议决策效力)
en_article(5, "Effect of Meeting Decisions").
en_paragraph(5, 1, "The bureau meeting (局务会议) is the highest decision-making body within the Enforcement Bureau; all staff of the Enforcement Bureau shall implement the resolutions adopted by the meeting. The vice-president in charge (分管副院长) and the director shall respect the majority opinion (多数意见) of the bureau meeting; where no majority opinion can be formed, the opinion of the vice-president in charge shall serve as the resolution of the bureau meeting (局务会). Where a matter is major, difficult or complex, if the opinions of the vice-president in charge and the director are inconsistent with the majority opinion, the director may submit the matter to the court leader in charge (分管院长) for decision, or request the court leader in charge to decide to submit it to the adjudication committee (审判委员会) for discussion and decision.").
en_paragraph(5, 2, "The joint meeting of team leaders is a consultative and deliberative body of the Enforcement Bureau; the opinions formed at the meeting are provided to the enforcement teams for reference and application.").
en_paragraph(5, 3, "The resolutions and opinions formed by the bureau meeting and the joint meeting of team leaders shall without exception be recorded and kept on file for reference.").

%   Article 6 (局长岗位职责)
en_article(6, "Duties of the Post of Director").
en_paragraph(6, 1, "The director is mainly responsible for the following work:").
en_item(6, 1, 1, "studying and formulating work plans and major work decisions for the whole bureau;").
en_item(6, 1, 2, "convening and chairing the bureau meeting and the joint meeting of team leaders;").
en_item(6, 1, 3, "managing the enforcement cases handled by the whole bureau, examining and approving major matters in enforcement cases, deciding on the taking of major enforcement measures, and organising, commanding, studying, coordinating and supervising the enforcement of major, difficult and complex cases;").
en_item(6, 1, 4, "the allocation of work and the deployment of personnel among the internal bodies of the Enforcement Bureau;").
en_item(6, 1, 5, "the operation of the enforcement command centre as a substantive entity;").
en_item(6, 1, 6, "other work for which the director needs to be responsible.").

%   Article 7 (执行案件管理层级)
en_article(7, "Management Levels for Enforcement Cases").
en_paragraph(7, 1, "The following enforcement matters shall be submitted to the director for approval:").
en_item(7, 1, 1, "the determination of enforcement plans for major, difficult and complex cases;").
en_item(7, 1, 2, "the disposal of property subject to enforcement, price reduction (withdrawal) of auctions, acceptance of property in satisfaction of debts (抵债) and sale (变卖);").
en_item(7, 1, 3, "the disbursement of enforcement case funds;").
en_item(7, 1, 4, "the concentrated use of enforcement forces and the deployment of police forces among the enforcement teams (执行团队);").
en_item(7, 1, 5, "decisions on enforcement relief and the disbursement of relief funds;").
en_item(7, 1, 6, "other enforcement matters that need the director's approval.").
en_paragraph(7, 2, "For the disbursement of enforcement case funds, a single amount of five million yuan or more is approved by the vice-president in charge, on the director's request.").

%   Article 8 (副局长岗位职责)
en_article(8, "Duties of the Post of Deputy Director").
en_paragraph(8, 1, "The deputy director is mainly responsible for the following work:").
en_item(8, 1, 1, "implementing, in accordance with the division of duties, the various specific tasks of the Enforcement Bureau;").
en_item(8, 1, 2, "assisting the director in being responsible for case management in the departments under his charge, and reporting regularly to the director on the progress of specific work;").
en_item(8, 1, 3, "upon the director's authorisation, convening and chairing the bureau meeting and the joint meeting of team leaders;").
en_item(8, 1, 4, "as work requires, convening meetings, hearing reports, studying issues, arranging work and assigning responsibilities;").
en_item(8, 1, 5, "when the director is not at his post (不在岗), performing the director's duties on his behalf upon authorisation;").
en_item(8, 1, 6, "other work for which the deputy director needs to be responsible.").

%   Article 9 (副局长协助管理工作)
en_article(9, "Assistance of the Deputy Director in Management").
en_paragraph(9, 1, "The deputy director examines and approves the following enforcement matters:").
en_item(9, 1, 1, "the process approval (过程审批) of the matters in the first, second, third and fifth items of Article 7 of these Provisions;").
en_item(9, 1, 2, "legal documents in the enforcement cases of the departments and teams under his charge;").
en_item(9, 1, 3, "managing the day-to-day affairs of the enforcement command centre;").
en_item(9, 1, 4, "when the director is not at his post (不在岗), upon authorisation, approving the concentrated use of judicial police forces for enforcement and the deployment of police forces among the enforcement groups (执行组).").

%   Article 10 (团队长岗位职责)
en_article(10, "Duties of the Post of Team Leader").
en_paragraph(10, 1, "The team leader, under the unified leadership of the director, is responsible for handling the cases and affairs within the enforcement team, and has the power to decide the division of duties and the assignment of tasks within the team.").
en_paragraph(10, 2, "Each team member, under the unified command of the team leader, carries out the enforcement work on specific cases and is responsible to the team leader.").

%   Article 11 (分歧处理)
en_article(11, "Handling of Disagreements").
en_paragraph(11, 1, "The Enforcement Bureau implements unified management, unified command and unified coordination; lower-level command and management authority is subordinate to higher-level command and management authority. Within the Enforcement Bureau, the director's command and management opinion shall be the deciding opinion; within an enforcement team, the team leader's command and management opinion shall be the deciding opinion.").
en_paragraph(11, 2, "Major matters are submitted by the director to the vice-president in charge (分管副院长) for decision.").

%   Article 12 (岗位职责替补)
en_article(12, "Substitution in Post Duties").
en_paragraph(12, 1, "The Enforcement Bureau establishes a working mechanism with clearly defined duties and mutual backup. Except for leadership posts (领导岗位), where work so requires, a lower-level post may, proactively, promptly and by forward substitution (顺向替补), substitute for the duties of a higher-level post, posts of the same level may substitute for each other laterally (平级替补) with the director's approval, but reverse substitution (逆向替补) of post duties shall not be carried out.").
en_paragraph(12, 2, "The director decides on the temporary substitution of post duties among the personnel of the whole bureau; the deputy director decides on the temporary substitution of post duties among the personnel of the departments (divisions, 处) under his charge; the team leader decides on the temporary substitution of post duties among the personnel within the enforcement group (执行组).").

%   Article 13 (对外工作协调)
en_article(13, "Coordination of External Work").
en_paragraph(13, 1, "Where enforcement work requires coordination, publicity or the like across departments or with outside parties, the director submits the matter to the court leader in charge (分管院长) for decision.").

%   Article 14 (试行)
en_article(14, "Entry into Force").
en_paragraph(14, 1, "These Provisions shall enter into force on 1 January 2025; where normative documents previously issued by this Court conflict with these Provisions, these Provisions shall prevail.").

%   Article 15 (解释)
en_article(15, "Interpretation").
en_paragraph(15, 1, "The bureau meeting (局务会) of the Enforcement Bureau is responsible for interpreting these Provisions.").
