:- encoding(utf8).
/*  第三条【权限层级制】  */

article(3, "权限层级制").
paragraph(3, 1, "执行局建立局、团队二级指挥管理权层级。").
paragraph(3, 2, "局长独立行使第一级（局）指挥管理权限；副局长（处长）协助局长行使第一级（局）指挥管理权限；团队长行使第二级（团队）指挥管理权限。").

%   command_level(Level, Name, Citation): the two levels of 3(1).
command_level(1, "局", c(3,1,null)).
command_level(2, "团队", c(3,1,null)).

%   command_authority(Role, Level, Mode, Citation) (3(2)).
%   Mode is 独立行使 (exercises alone) or 协助行使 (assists in exercising).
command_authority('局长', 1, '独立行使', c(3,2,null)).
command_authority('副局长', 1, '协助行使', c(3,2,null)).
command_authority('团队长', 2, '行使', c(3,2,null)).
