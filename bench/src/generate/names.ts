/**
 * Word pools for the generated province. Prefecture names and codes are Yunnan's (GB/T 2260); county,
 * township and hospital names are made up from syllables, so no real unit is described.
 */
export const PROVINCE = { code: '530000', name: '云南省', short: '云南', office: '云南省卫生健康委员会' } as const;

export const PREFECTURES: readonly { code: string; name: string; short: string; seat: string }[] = [
  { code: '530100', name: '昆明市', short: '昆明市', seat: '昆明' },
  { code: '530300', name: '曲靖市', short: '曲靖市', seat: '曲靖' },
  { code: '530400', name: '玉溪市', short: '玉溪市', seat: '玉溪' },
  { code: '530500', name: '保山市', short: '保山市', seat: '保山' },
  { code: '530600', name: '昭通市', short: '昭通市', seat: '昭通' },
  { code: '530700', name: '丽江市', short: '丽江市', seat: '丽江' },
  { code: '530800', name: '普洱市', short: '普洱市', seat: '普洱' },
  { code: '530900', name: '临沧市', short: '临沧市', seat: '临沧' },
  { code: '532300', name: '楚雄彝族自治州', short: '楚雄州', seat: '楚雄' },
  { code: '532500', name: '红河哈尼族彝族自治州', short: '红河州', seat: '红河' },
  { code: '532600', name: '文山壮族苗族自治州', short: '文山州', seat: '文山' },
  { code: '532800', name: '西双版纳傣族自治州', short: '西双版纳州', seat: '西双版纳' },
  { code: '532900', name: '大理白族自治州', short: '大理州', seat: '大理' },
  { code: '533100', name: '德宏傣族景颇族自治州', short: '德宏州', seat: '德宏' },
  { code: '533300', name: '怒江傈僳族自治州', short: '怒江州', seat: '怒江' },
  { code: '533400', name: '迪庆藏族自治州', short: '迪庆州', seat: '迪庆' },
];

const PLACE_A = '安宝昌川丹德峨丰富广和华江金景开澜乐临龙禄罗马蒙弥明南宁平普青仁瑞石思泰腾通威维文祥新宣盐永元云沾镇'.split('');
const PLACE_B = '宁平山川阳源江溪水城安丰华德宜化远胜隆兴泉顺康和定坪河靖边屏盛恩甸良'.split('');
/** Two-syllable place names, all different, in a fixed shuffled order. */
export function placeNames(count: number, offset = 0): string[] {
  const out: string[] = [];
  const total = PLACE_A.length * PLACE_B.length;
  if (count + offset > total) throw new Error(`地名不够：需要 ${count + offset} 个，最多 ${total} 个`);
  // A stride coprime with the total walks every combination once, mixing first syllables.
  const stride = 7919 % total;
  for (let i = offset; i < offset + count; i++) {
    const k = (i * stride) % total;
    out.push(PLACE_A[k % PLACE_A.length]! + PLACE_B[Math.floor(k / PLACE_A.length)]!);
  }
  return out;
}

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯健俊帆帅旭宁龙林欣悦晨阳雪琳晶婷倩慧瑶颖丹洁蕾'.split('');
export const ETHNIC_MINORITIES = ['彝族', '白族', '哈尼族', '傣族', '壮族', '苗族', '回族', '傈僳族', '纳西族', '藏族'];
export const DEPARTMENTS = ['内科', '外科', '儿科', '妇产科', '急诊科', '重症医学科', '麻醉科', '骨科', '眼科', '耳鼻咽喉科', '检验科', '影像科', '中医科', '康复科', '护理部', '感染科'];
export const TITLES: readonly [string, string][] = [
  ['intermediate', '主治医师'], ['intermediate', '主管护师'], ['intermediate', '主治医师'], ['associate_senior', '副主任医师'],
  ['associate_senior', '副主任护师'], ['senior', '主任医师'], ['junior', '医师'],
];
export const SCHOOLS = ['昆明医科大学', '大理大学', '云南中医药大学', '四川大学华西医学院', '重庆医科大学', '中山大学中山医学院', '昆明学院'];
export const ACTIVITY_CONTENT: Record<string, string[]> = {
  clinical_teaching: ['带教住院医师规范书写病历', '指导危重患者抢救流程', '示范规范化体格检查'],
  teaching_rounds: ['组织科室教学查房，讨论疑难病例', '示范三级查房流程', '查房讲解诊疗规范'],
  surgery_demo: ['示范腹腔镜胆囊切除术', '示范剖宫产术规范操作', '示范骨折内固定术'],
  training: ['开展院感防控专项培训', '开展心肺复苏技能培训', '开展合理用药专题讲座'],
  case_analysis: ['分析死亡病例，提出改进措施', '组织疑难病例讨论', '分析不良事件成因'],
  remote_guidance: ['线上核查病历书写并点评', '视频指导科室疑难病例诊治', '线上审核手术方案并纠错'],
};
