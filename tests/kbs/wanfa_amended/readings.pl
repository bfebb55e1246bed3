:- encoding(utf8).
/*  Where the regulation is silent or ambiguous.

    reading(Id, Kind, Citations, Chinese, English)
      Kind = gap: the regulation gives no answer; an answer that needs it has
             status "gap" and leaves the field null.
      Kind = interpretation: a reading of an unclear text that the KB
             applies; every answer that relies on it lists it.
    The reason is part of the text, so every answer carries it.
*/

%   ---- gaps ---------------------------------------------------------------

reading(g_director_absent_unauthorised, gap, [c(8,1,5)],
  "局长不在岗，又没有授权副局长代为履行局长职责时，由谁行使局长的职权，本规定未作规定：第八条第（五）项只允许副局长“根据授权”代为履行。",
  "When the director is away and the deputy has not been authorised to act for him, the regulation does not say who exercises the director's powers: Art. 8(5) lets the deputy act only \"by authorisation\" (根据授权).").
reading(g_authorised_deputy_absent, gap, [c(8,1,5)],
  "局长和受其授权的副局长均不在岗时，由谁代为履行局长职责，本规定未作规定。",
  "When both the director and the authorised deputy are away, the regulation does not say who acts for the director.").
%   The absence gaps below belong to approver answers (who approves, who
%   gives the process approval); the other question kinds pass an absent
%   decider's power up (12(2), 11(1)) or record their own gap.
reading(g_deputy_absent, gap, [c(9,1,1), c(9,1,2), c(9,1,3), c(12,1,null)],
  "副局长不在岗时，其审批或过程审批由谁代行，本规定未作规定；第十二条的岗位替补不适用于领导岗位。",
  "When the deputy is away, the regulation does not say who takes over his approvals or process approvals; Art. 12 substitution does not apply to leadership posts.").
reading(g_team_leader_absent, gap, [c(10,1,null), c(12,1,null)],
  "团队长不在岗时，团队内的职责分工、任务分配由谁决定，本规定未作规定；团队长是否属于第十二条所称“领导岗位”（从而能否由下级岗位替补）也不明确。",
  "When the team leader is away, the regulation does not say who decides the division of duties and tasks within the team, nor whether a team leader holds a \"leadership post\" under Art. 12 (and so whether a lower post may cover him).").
reading(g_role_absent, gap, [c(12,1,null)],
  "决定该事项的人员不在岗时由谁代行其职权，本规定未作规定；其岗位属于院领导岗位，第十二条的岗位职责替补“除领导岗位外”，不适用于该岗位。",
  "When the person who decides this matter is away, the regulation does not say who acts for him; his is a court leader's post, and Art. 12 substitution excludes leadership posts (\"除领导岗位外\").").
reading(g_vp_absent_disagreement, gap, [c(11,2,null)],
  "分管副院长不在岗时，依第十一条第二款应由其决定的重大事项分歧由谁决定，本规定未作规定。",
  "When the vice-president in charge is away, the regulation does not say who decides a disagreement on a major matter that Art. 11(2) gives him to decide.").
reading(g_matter_not_major, gap, [c(6,1,3), c(7,1,1), c(7,1,6)],
  "第六条第（三）项（执行案件重大事项、重大执行措施）和第七条第（一）项（重大、疑难、复杂案件执行方案的确定）只适用于重大事项或重大、疑难、复杂案件；场景说明本案不属于时，该项不适用，本规定未规定由谁批准（第七条第（六）项“其他需要局长批准的执行事项”是否包括，本规定未明确）。",
  "Art. 6(3) (major case matters, major enforcement measures) and Art. 7(1) (the enforcement plan of a major, difficult or complex case) apply only to major matters or major, difficult or complex cases; where the scenario says the case is not one, the item does not apply and the regulation names no approver (whether Art. 7(6), \"other enforcement matters needing the director's approval\", covers it is not said).").
reading(g_tie_without_vp, gap, [c(5,1,null)],
  "局务会议不能形成多数意见，而分管副院长未到会或未发表意见时，如何形成决议，本规定未作规定。",
  "When the bureau meeting reaches no majority and the vice-president in charge is not there or gave no opinion, the regulation does not say how the meeting resolves.").
reading(g_invitee_votes, gap, [c(4,3,null), c(5,1,null)],
  "受邀参加会议的人员（第四条第三款）是否参与形成多数意见，本规定未明确；本案中是否计入其意见结论不同。",
  "The regulation does not say whether invitees (Art. 4(3)) count towards the majority; here counting them changes the result.").
reading(g_advisory_opinion, gap, [c(5,2,null)],
  "团队长联席会议如何形成意见（一致或多数），本规定未作规定；与会人员意见不一致时无从确定会议意见。",
  "The regulation does not say how the team leaders' joint meeting forms its opinion (unanimity or majority); when opinions differ, the meeting's opinion cannot be determined.").
reading(g_no_chair, gap, [c(4,2,null), c(6,1,2), c(8,1,3), c(8,1,5)],
  "局长不在岗，又没有受授权召集主持会议（第八条第（三）项）或代为履行局长职责（第八条第（五）项）且在岗的副局长时，会议由谁主持，本规定未作规定。",
  "When the director is away and no deputy at his post has been authorised to chair (Art. 8(3)) or to act for the director (Art. 8(5)), the regulation does not say who chairs the meeting.").
reading(g_team_leader_leadership_post, gap, [c(1,1,null), c(1,6,null), c(3,2,null), c(12,1,null)],
  "团队长是否属于第十二条所称“领导岗位”不明确：第一条把团队长与分管副院长、局长并列为负责制的责任人，但第十二条未列明领导岗位。",
  "It is unclear whether a team leader holds a \"leadership post\" under Art. 12: Art. 1 names team leaders beside the vice-president and the director in the responsibility system, but Art. 12 does not list the leadership posts.").
reading(g_unranked_post, gap, [c(12,1,null)],
  "该岗位不在岗位序列中，无法判断其上下级关系；可在 facts.ladder 中给出岗位序列。",
  "The post is not on the post ladder, so which post is higher cannot be told; give the ladder in facts.ladder.").
reading(g_no_superior_named, gap, [c(1,1,null), c(1,2,null)],
  "本规定没有规定该人员或机构向谁负责。",
  "The regulation does not say to whom this person or body answers.").
reading(g_no_command_authority, gap, [c(3,2,null), c(11,1,null)],
  "该人员在执行局的指挥管理层级中没有位置，第十一条没有规定其与他人意见分歧时以谁的意见为准。",
  "This person holds no place in the bureau's command levels; Art. 11 does not say whose view decides a disagreement involving them.").

reading(g_vp_director_disagreement, gap, [c(1,2,null), c(1,3,null), c(11,1,null), c(11,2,null)],
  "分管副院长与执行局内人员在非重大事项上意见分歧时以谁的意见为准，本规定不明确：第十一条第一款规定“执行局内以局长指挥管理意见作为决定意见”，而第一条第二款、第三款规定执行局在分管副院长领导和指挥下、局长对分管副院长负责；只有重大事项，第十一条第二款明确由分管副院长决定。",
  "When the vice-president in charge disagrees with someone in the bureau on a matter that is not major, the regulation is unclear whose view decides: Art. 11(1) makes the director's view decisive within the bureau, while Art. 1(2) and 1(3) put the bureau under the vice-president's leadership and command and make the director answer to him; only for major matters does Art. 11(2) clearly give the decision to the vice-president.").

reading(g_no_duties_named, gap, [c(1,1,null)],
  "本规定没有规定该人员或机构的职责。",
  "The regulation sets no duties for this person or body.").

%   ---- interpretations ----------------------------------------------------

reading(i_deputy_powers_general, interpretation, [c(8,1,5), c(9,1,4)],
  "第八条第（五）项的“代为履行局长职责”包括局长的全部职责，包括第七条的批准、第十一条的决定意见、第十二条第二款的替补决定和第五条第一款的报请（其意见也作为局长的意见）；第九条第（四）项是对警力调配的重申，不限制第八条第（五）项。",
  "Art. 8(5) \"acts for the director\" covers all the director's duties: the Art. 7 approvals, the deciding view of Art. 11, the substitution decisions of Art. 12(2) and the submission of Art. 5(1) (his opinion then counting as the director's); Art. 9(4) restates it for police deployment and does not narrow Art. 8(5).").
reading(i_authorisation_grantor, interpretation, [c(1,2,null), c(8,1,3), c(8,1,5), c(9,1,4)],
  "第八条第（五）项、第九条第（四）项只说“根据授权”，没有写明由谁授权（第八条第（三）项写明“根据局长授权”）。本工具认为局长本人或分管副院长的授权均可：局长不在岗时可能无法授权，而执行局“在分管副院长领导和指挥下”（第一条第二款）；其他人员的授权没有依据。第八条第（三）项的授权主持会议仍须由局长授权。",
  "Art. 8(5) and 9(4) say only \"by authorisation\" (根据授权) without naming who authorises (Art. 8(3) says \"by the director's authorisation\"). This tool accepts an authorisation by the director himself or by the vice-president in charge: an absent director may be unable to authorise, and the bureau works \"under the leadership and command of the vice-president in charge\" (Art. 1(2)); an authorisation by anyone else has no basis. Chairing under Art. 8(3) still needs the director's authorisation.").
reading(i_police_same_matter, interpretation, [c(7,1,4), c(9,1,4)],
  "第九条第（四）项的“执行司法警力的集中使用和各执行组之间的警力调配”与第七条第（四）项的“执行力量的集中使用和各执行团队之间的警力调配”是同一事项。",
  "The \"concentrated use of judicial police and deployment between enforcement groups\" of Art. 9(4) is the same matter as Art. 7(4)'s \"concentrated use of enforcement forces and police deployment between enforcement teams\".").
reading(i_team_is_group, interpretation, [c(7,1,4), c(9,1,4), c(12,2,null)],
  "第九条、第十二条所称“执行组”即其他条文所称“执行团队”：第九条第（四）项以“执行组”复述第七条第（四）项的“执行团队”。",
  "The \"enforcement group\" (执行组) of Arts 9 and 12 is the \"enforcement team\" (执行团队) of the other articles: Art. 9(4) uses 执行组 to restate Art. 7(4)'s 执行团队.").
reading(i_president_in_charge, interpretation, [c(1,2,null), c(5,1,null), c(11,2,null), c(13,1,null)],
  "本规定同时使用“分管院长”（第五条、第十三条）和“分管副院长”（第一条、第四条、第五条、第十一条），未说明是否同一人；答案保留条文原有用语，不将二者合并。",
  "The regulation uses both 分管院长 (Arts 5, 13) and 分管副院长 (Arts 1, 4, 5, 11) without saying whether they are the same person; answers keep the text's own word and do not merge them.").
reading(i_deputy_reports_to_director, interpretation, [c(1,4,null), c(2,2,null), c(8,1,2)],
  "条文没有规定副局长对局长负责（第一条第三款、第五款只对局长、团队长作此规定）；由其“协助局长”（第一条第四款、第二条第二款）和“定期向局长汇报”（第八条第（二）项），认定副局长向局长负责。",
  "The text never says the deputy \"answers to\" the director; that he does is read from his assisting the director (Arts 1(4), 2(2)) and reporting to him regularly (Art. 8(2)).").
reading(i_vp_answers_to_party_group, interpretation, [c(1,1,null), c(1,2,null)],
  "本规定未写分管副院长向谁负责；第一条第一款把以分管副院长为首的负责制置于院党组领导之下，第二款规定执行局向院党组负责，据此认定向院党组负责。",
  "The regulation does not say to whom the vice-president in charge answers; Art. 1(1) places the responsibility system he heads under the court party group and 1(2) has the bureau answer to it, so the party group is taken as his superior.").
reading(i_ladder_default, interpretation, [c(12,1,null)],
  "本规定未列举非领导岗位的高低；默认序列（由高到低为执行法官、法官助理、书记员）是本工具的假设，可由场景的 facts.ladder 替换。",
  "The regulation does not rank the non-leadership posts; the default ladder 执行法官 > 法官助理 > 书记员 is this tool's assumption, which a scenario may replace with facts.ladder.").
reading(i_ladder_posts_are_team_members, interpretation, [c(10,2,null)],
  "岗位序列中的非领导岗位人员是其所在执行团队的团队成员，依第十条第二款对团队长负责。",
  "Holders of the non-leadership posts on the ladder are members of their enforcement team and answer to the team leader under Art. 10(2).").
reading(i_majority_more_than_half, interpretation, [c(5,1,null)],
  "第五条第一款的“多数意见”理解为过半数的意见（超过表决总数的一半），不是相对多数（得票最多）：中文程序规则中不加限定的“多数”通常指过半数，指得票最多时则称相对多数；审判委员会、合议庭也按过半数决定；且该款另行规定“不能形成多数意见的”由分管副院长的意见作为决议，若相对多数即可，这一规定几乎无从适用。相对多数理解下的结论在说明中作为附注列出。",
  "\"多数意见\" (majority opinion) in Art. 5(1) is read as the opinion of more than half of the votes, not the plurality (the most votes): unqualified 多数 in Chinese procedural rules means more than half, plurality being said 相对多数; adjudication committees and collegial panels decide by more than half; and the paragraph's own fallback for when \"no majority opinion can be formed\" (the vice-president's opinion) would hardly ever apply if the most votes sufficed. What the plurality reading would give is added to the explanation as a note.").
reading(i_abstention_counts, interpretation, [c(5,1,null), c(5,2,null)],
  "弃权不是意见：不能成为多数意见、决议或一致意见，也不算与多数意见不一致；但弃权人参加了表决，计算是否过半数时计入表决总数（一个意见须超过包括弃权在内的全部表决的一半）。否则少数人的意见可能因他人弃权而成为最高决策机构的决议。",
  "An abstention (弃权) is no opinion: it cannot be the majority opinion, the resolution or a unanimous opinion, and it does not differ from the majority; but the abstainer took part in the vote, so it counts toward the total of which a majority must be more than half (an opinion needs more than half of all votes, abstentions included). Otherwise an opinion held by a minority of those voting could become the resolution of the highest decision-making body because others abstained.").
reading(i_invitees_do_not_change, interpretation, [c(4,3,null), c(5,1,null)],
  "受邀人员是否参与形成多数意见不明确；本案计入与不计入其意见结论相同。",
  "Whether invitees count towards the majority is unclear; here the result is the same either way.").
reading(i_escalation_either_dissents, interpretation, [c(5,1,null)],
  "第五条第一款“如分管副院长、局长意见与多数意见不一致”理解为其中任一人的意见与多数意见不一致即可，不要求二人均不一致。",
  "Art. 5(1) \"if the opinions of the vice-president in charge and the director differ from the majority\" is read as: either one of them differing is enough; both need not differ.").
reading(i_opinions_identical_text, interpretation, [c(5,1,null)],
  "只有文字完全相同的意见才视为同一意见；意见按原文返回，不作改写。",
  "Opinions count as the same only when their text is identical; they are returned exactly as given.").
reading(i_double_role, interpretation, [c(8,1,5), c(9,1,1)],
  "副局长代局长批准时，第九条第（一）项的过程审批仍由副局长负责，两个环节由同一岗位承担；本规定未说明此时过程审批是否省略。",
  "When the deputy approves for the director, the process approval of Art. 9(1) still falls to the deputy, so one post does both steps; the regulation does not say whether the process step then lapses.").
reading(i_art11_2_context, interpretation, [c(6,1,3), c(7,1,1), c(11,2,null)],
  "第十一条第二款“重大事项，由局长报请分管副院长决定”在分歧处理（第十一条）的语境下适用，不改变其他条文对各事项由谁批准、决定的规定，包括第六条第（三）项局长审查批准执行案件重大事项、决定采取重大执行措施和第七条第（一）项局长批准重大、疑难、复杂案件执行方案的职权。",
  "Art. 11(2) (\"major matters: the director submits them to the vice-president in charge\") applies to disagreements, in its article's context (Art. 11, handling disagreements); it does not change who approves or decides each matter under the other articles, including the director's approval of major case matters and major measures under Art. 6(3) and of the plans of major, difficult or complex cases under Art. 7(1).").
reading(i_matter_taken_as_major, interpretation, [c(6,1,3), c(7,1,1)],
  "第六条第（三）项、第七条第（一）项只适用于重大事项或重大、疑难、复杂案件；场景未说明是否属于（facts.major）时，答案以本案属于为前提；说明不属于时，该项不适用。",
  "Art. 6(3) and 7(1) apply only to major matters or major, difficult or complex cases; where the scenario does not say whether the case is one (facts.major), the answer assumes it is; where it says it is not, the item does not apply.").
reading(i_substitution_scopes_nested, interpretation, [c(12,2,null)],
  "第十二条第二款的三个范围是嵌套的，不是互斥的：“全局人员”包括各部门（处）和各执行组的人员，分管部门（处）人员包括其中各执行组的人员。因此局长对全局、副局长对其分管部门内各执行组人员的临时性岗位职责替补也有权决定；团队长不在岗时由分管副局长决定，副局长也不在岗时由局长决定。",
  "The three scopes of Art. 12(2) are nested, not exclusive: \"all bureau staff\" includes every department's and group's staff, and a department's staff includes its groups' staff. So the director may decide temporary substitutions anywhere in the bureau, and the deputy within the groups of his departments; with the team leader away the deputy in charge decides, and with the deputy away too the director.").
reading(i_deciding_view_nested, interpretation, [c(10,1,null), c(11,1,null)],
  "执行团队在执行局之内：团队长不在岗时，执行团队内的分歧以执行局内的决定意见即局长的指挥管理意见为准（第十一条第一款“下级指挥管理权服从上级指挥管理权”“执行局内以局长指挥管理意见作为决定意见”；第十条第一款团队长“在局长统一领导下”）。",
  "An enforcement team is within the bureau: with the team leader away, a disagreement within the team is decided by the bureau's deciding view, the director's (Art. 11(1): the lower command yields to the higher, and within the bureau the director's view decides; Art. 10(1): the team leader works under the director's unified leadership).").
reading(i_alias_internal_allocation, interpretation, [c(6,1,4), c(10,1,null)],
  "“工作分配”“力量配置”按第六条第（四）项理解为执行局内设机构的工作分配、力量配置，由局长负责；团队内的职责分工、任务分配不在此列，由团队长决定（第十条第一款）。",
  "\"Work allocation\" and \"allocation of forces\" are read as in Art. 6(4), the allocation among the bureau's internal units, for which the director is responsible; allocation within a team is not meant (the team leader decides it, Art. 10(1)).").
reading(i_alias_team_tasks, interpretation, [c(2,2,null), c(6,1,4), c(10,1,null)],
  "“职责分工”“任务分配”按第十条第一款理解为团队内的职责分工、任务分配，由团队长决定；执行局内设机构之间的工作分配（第六条第（四）项）和副局长的“职责分工”（第二条第二款）不在此列。",
  "\"Division of duties\" and \"allocation of tasks\" are read as in Art. 10(1), within the team, which the team leader decides; allocation among the bureau's internal units (Art. 6(4)) and the deputies' division of duties (Art. 2(2)) are not meant.").
reading(i_alias_police_between_teams, interpretation, [c(7,1,4)],
  "“警力调配”按第七条第（四）项理解为各执行团队之间的警力调配；同一执行团队内的人员安排不在该项之内。",
  "\"Police deployment\" is read as in Art. 7(4), deployment between enforcement teams; arrangements within one team are not meant.").
reading(i_alias_external, interpretation, [c(13,1,null)],
  "“宣传”按第十三条理解为跨部门或者对外开展的宣传；执行局内部的宣传不在该条之内。",
  "\"Publicity\" is read as in Art. 13, publicity across departments or outside the court; publicity within the bureau is not meant.").
reading(i_alias_legal_documents, interpretation, [c(9,1,2)],
  "“法律文书”按第九条第（二）项理解为副局长分管部门、团队的执行案件的法律文书，由分管该部门、团队的副局长审批。",
  "\"Legal documents\" are read as in Art. 9(2), the legal documents of the enforcement cases of the departments and teams the deputy is in charge of, approved by the deputy in charge of them.").
reading(i_alias_enforcement, interpretation, [c(7,1,null), c(7,1,2), c(7,1,3), c(9,1,3)],
  "本规定所列的是执行事项（第七条第一款“下列执行事项”）；省略“执行”二字的简称（如变卖、案款发放、指挥中心日常事务）按执行财产、执行案款、执行指挥中心理解。",
  "The regulation lists enforcement matters (Art. 7: \"the following enforcement matters\"); short names that leave out 执行 (enforcement), such as \"sale\" or \"release of case funds\", are read as enforcement property, enforcement case funds and the enforcement command centre.").
reading(i_deputy_level_one, interpretation, [c(3,2,null), c(11,1,null)],
  "副局长协助局长行使第一级（局）指挥管理权限，其指挥管理意见高于第二级（团队）；局长的意见仍高于副局长。",
  "The deputy assists in exercising level-one (bureau) command authority, so his view ranks above level two (team); the director's view still ranks above the deputy's.").
reading(i_leadership_posts, interpretation, [c(1,1,null), c(1,6,null), c(12,1,null)],
  "第十二条未列明“领导岗位”；本工具将院领导（院长、副院长、分管院长、分管副院长）、局长、副局长视为领导岗位。",
  "Art. 12 does not list the \"leadership posts\"; this tool treats the court leaders (president, vice-presidents, leaders in charge), the director and the deputy as leadership posts.").
reading(i_amount_unstated, interpretation, [c(7,1,3), c(7,2,null)],
  "未给出单笔金额时，执行案款的发放按第七条第一款第（三）项由局长批准：第七条第二款是对单笔五百万元以上案款的例外，只在金额达到该标准时适用。",
  "Without the amount of a single release, the release of funds is approved by the director under Art. 7(1)(3): Art. 7(2) is an exception for single releases of 5 million yuan or more and applies only where the amount reaches that line.").
reading(i_work_need_assumed, interpretation, [c(12,1,null)],
  "顺向替补以“因工作需要”为前提；本答案假定存在工作需要。",
  "Forward substitution requires a work need (因工作需要); this answer assumes there is one.").
reading(i_jwh_is_meeting, interpretation, [c(4,1,null), c(5,1,null), c(15,1,null)],
  "第五条、第十五条所称“局务会”即第四条的“局务会议”。",
  "The 局务会 of Arts 5 and 15 is the 局务会议 (bureau meeting) of Art. 4.").
reading(i_deputy_chair_by_authorisation, interpretation, [c(8,1,3)],
  "第八条第（三）项的授权主持不以局长不在岗为前提，局长在岗时也可授权副局长召集主持会议。",
  "Chairing by authorisation under Art. 8(3) does not require the director to be away; he may authorise the deputy to chair while present.").
reading(i_chu_zhang_alias, interpretation, [c(3,2,null)],
  "第三条第二款“副局长（处长）”表明“处长”即副局长。",
  "Art. 3(2) writes \"副局长（处长）\", so 处长 (division head) is taken to mean the deputy.").

%   ---- drift: one thing written in several ways ----------------------------

%!  drift_terms(?Id, ?Terms, ?Reading) is nondet.
%
%   The text writes one thing (or perhaps two) in several ways; Reading is
%   how the KB handles it.  `pyreason check` lists where each form occurs.
drift_terms(president_in_charge, ["分管院长", "分管副院长"], i_president_in_charge).
drift_terms(team_or_group, ["执行团队", "执行组"], i_team_is_group).
drift_terms(bureau_meeting, ["局务会议", "局务会"], i_jwh_is_meeting).
drift_terms(deputy_title, ["副局长", "处长"], i_chu_zhang_alias).

%!  descriptive(?PI, ?Reason) is nondet.
%
%   Rules that record what an article says but that no question kind asks;
%   `pyreason check` does not expect scenarios to exercise them.
descriptive(in_force_from/2, "第十四条的施行日期，没有问题类型询问").
descriptive(prevails_over/3, "第十四条与本院此前规范性文件冲突时的效力，没有问题类型询问").

%!  not_encoded(?Citation, ?Reason) is nondet.
%
%   Provisions that no rule encodes, each with the reason why not.
:- dynamic not_encoded/2.
