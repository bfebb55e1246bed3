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

reading(g_director_absent_unauthorised, gap, [c(8,1,5), c(9,1,4)],
  "局长不在岗而未授权副局长时，由谁行使局长的职权，本规定未作规定：第八条第（五）项、第九条第（四）项只允许副局长“根据授权”代为履行。",
  "When the director is away without having authorised the deputy, the regulation does not say who exercises the director's powers: Art. 8(5) and 9(4) let the deputy act only \"by authorisation\".").
reading(g_authorised_deputy_absent, gap, [c(8,1,5)],
  "局长和受其授权的副局长均不在岗时，由谁代为履行局长职责，本规定未作规定。",
  "When both the director and the authorised deputy are away, the regulation does not say who acts for the director.").
reading(g_deputy_absent, gap, [c(9,1,1), c(9,1,2), c(9,1,3), c(12,1,null)],
  "副局长不在岗时，其审批或过程审批由谁代行，本规定未作规定；第十二条的岗位替补不适用于领导岗位。",
  "When the deputy is away, the regulation does not say who takes over his approvals or process approvals; Art. 12 substitution does not apply to leadership posts.").
reading(g_team_leader_absent, gap, [c(10,1,null), c(12,1,null)],
  "团队长不在岗时由谁行使其职权，本规定未作规定；团队长是否属于第十二条所称“领导岗位”也不明确。",
  "When the team leader is away, the regulation does not say who exercises his powers, nor whether a team leader is a \"leadership post\" under Art. 12.").
reading(g_role_absent, gap, [c(12,1,null)],
  "该人员不在岗时由谁代行其职权，本规定未作规定。",
  "The regulation does not say who acts for this person while away.").
reading(g_tie_without_vp, gap, [c(5,1,null)],
  "局务会议不能形成多数意见，而分管副院长未到会或未发表意见时，如何形成决议，本规定未作规定。",
  "When the bureau meeting reaches no majority and the vice-president in charge is not there or gave no opinion, the regulation does not say how the meeting resolves.").
reading(g_majority_meaning, gap, [c(5,1,null)],
  "“多数意见”是指过半数还是相对多数，本规定未明确；本案中两种理解结论不同。",
  "The regulation does not say whether \"多数意见\" (majority opinion) means more than half or merely the most votes; here the two readings give different results.").
reading(g_invitee_votes, gap, [c(4,3,null), c(5,1,null)],
  "受邀参加会议的人员（第四条第三款）是否参与形成多数意见，本规定未明确；本案中是否计入其意见结论不同。",
  "The regulation does not say whether invitees (Art. 4(3)) count towards the majority; here counting them changes the result.").
reading(g_advisory_opinion, gap, [c(5,2,null)],
  "团队长联席会议如何形成意见（一致或多数），本规定未作规定；与会人员意见不一致时无从确定会议意见。",
  "The regulation does not say how the team leaders' joint meeting forms its opinion (unanimity or majority); when opinions differ, the meeting's opinion cannot be determined.").
reading(g_no_chair, gap, [c(4,2,null), c(6,1,2), c(8,1,3)],
  "局长不在岗又未授权副局长召集主持时，会议由谁主持，本规定未作规定。",
  "When the director is away and has not authorised the deputy to chair, the regulation does not say who chairs the meeting.").
reading(g_peer_substitution, gap, [c(12,1,null)],
  "同级岗位之间能否替补，本规定未作规定：第十二条只区分顺向（下级替补上级）和逆向替补。",
  "The regulation does not say whether posts of the same level may cover each other: Art. 12 only distinguishes forward (lower covers higher) and reverse substitution.").
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
  "第八条第（五）项的“代为履行局长职责”包括局长的全部职责，包括第七条的批准；第九条第（四）项是对警力调配的重申，不限制第八条第（五）项。",
  "Art. 8(5) \"acts for the director\" covers all the director's duties, Art. 7 approvals included; Art. 9(4) restates it for police deployment and does not narrow Art. 8(5).").
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
  "条文未写副局长“对局长负责”；由其“协助局长”（第一条第四款、第二条第二款）和“定期向局长汇报”（第八条第（二）项），认定副局长向局长负责。",
  "The text never says the deputy \"answers to\" the director; that he does is read from his assisting the director (Arts 1(4), 2(2)) and reporting to him regularly (Art. 8(2)).").
reading(i_vp_answers_to_party_group, interpretation, [c(1,1,null), c(1,2,null)],
  "本规定未写分管副院长向谁负责；第一条第一款把以分管副院长为首的负责制置于院党组领导之下，第二款规定执行局向院党组负责，据此认定向院党组负责。",
  "The regulation does not say to whom the vice-president in charge answers; Art. 1(1) places the responsibility system he heads under the court party group and 1(2) has the bureau answer to it, so the party group is taken as his superior.").
reading(i_ladder_default, interpretation, [c(12,1,null)],
  "本规定未列举非领导岗位的高低；默认序列“执行法官＞法官助理＞书记员”是本工具的假设，可由场景的 facts.ladder 替换。",
  "The regulation does not rank the non-leadership posts; the default ladder 执行法官 > 法官助理 > 书记员 is this tool's assumption, which a scenario may replace with facts.ladder.").
reading(i_ladder_posts_are_team_members, interpretation, [c(10,2,null)],
  "岗位序列中的非领导岗位人员是其所在执行团队的团队成员，依第十条第二款对团队长负责。",
  "Holders of the non-leadership posts on the ladder are members of their enforcement team and answer to the team leader under Art. 10(2).").
reading(i_majority_readings_agree, interpretation, [c(5,1,null)],
  "“多数意见”可理解为过半数或相对多数；本案两种理解结论相同。",
  "\"多数意见\" may mean more than half or merely the most votes; here both readings give the same result.").
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
reading(i_art11_2_context, interpretation, [c(6,1,3), c(11,2,null)],
  "第十一条第二款“重大事项，由局长报请分管副院长决定”在分歧处理的语境下适用，不改变第六条第（三）项局长审查批准执行案件重大事项的职权。",
  "Art. 11(2) (\"major matters: the director submits them to the vice-president in charge\") applies to disagreements, in its article's context; it does not take from the director the approval of major case matters under Art. 6(3).").
reading(i_deputy_level_one, interpretation, [c(3,2,null), c(11,1,null)],
  "副局长协助局长行使第一级（局）指挥管理权限，其指挥管理意见高于第二级（团队）；局长的意见仍高于副局长。",
  "The deputy assists in exercising level-one (bureau) command authority, so his view ranks above level two (team); the director's view still ranks above the deputy's.").
reading(i_leadership_posts, interpretation, [c(1,1,null), c(1,6,null), c(12,1,null)],
  "第十二条未列明“领导岗位”；本工具将院领导（院长、副院长、分管院长、分管副院长）、局长、副局长视为领导岗位。",
  "Art. 12 does not list the \"leadership posts\"; this tool treats the court leaders (president, vice-presidents, leaders in charge), the director and the deputy as leadership posts.").
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
