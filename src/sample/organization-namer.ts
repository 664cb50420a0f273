/** Two-character qualifiers; none starts a field word, so names parse unambiguously. */
const WORDS = [
  '阳光',
  '同心',
  '北疆',
  '草原',
  '启航',
  '晨曦',
  '星火',
  '春雨',
  '和美',
  '暖阳',
  '金辉',
  '德馨',
  '仁和',
  '康宁',
  '福瑞',
  '安泰',
  '明德',
  '致远',
  '鸿雁',
  '骏马',
  '白云',
  '蓝天',
  '绿洲',
  '长青',
  '青山',
  '碧水',
  '天骄',
  '敕勒',
  '大青',
  '河套',
  '黄河',
  '阴山',
  '朝阳',
  '东方',
  '新华',
  '兴隆',
  '吉祥',
  '如意',
  '平安',
  '祥和',
  '友谊',
  '团结',
  '光明',
  '丰收',
  '泰和',
  '睿智',
  '博雅',
  '弘毅',
  '厚德',
  '恒信',
  '诚信',
  '众诚',
  '益友',
  '乐群',
  '邻里',
  '幸福',
  '温馨',
  '善缘',
  '惠民',
  '利民',
  '民安',
  '乐龄',
  '银龄',
  '夕阳',
  '彩虹',
  '萌芽',
  '春晖',
  '秋实',
  '雏鹰',
  '雄鹰',
  '百灵',
  '格桑',
  '乌兰',
  '塔拉',
  '宝音',
  '金桥',
  '同行',
  '共创',
  '众望',
  '远航',
];

/** Field word per field code (used between the qualifier and the type suffix). */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  business: '商贸',
  science: '科技',
  education: '教育',
  health: '健康',
  social_services: '社会工作',
  culture: '文化',
  sports: '体育',
  ecology: '生态环境',
  law: '法律',
  religion: '宗教文化',
  agriculture: '农牧业',
  professional: '职业技能',
  international: '对外交流',
  charity: '慈善',
  elderly_care: '养老',
  mediation: '调解',
  community_affairs: '社区',
  other: '志愿',
};

/** Name suffixes per type index (social group, private non-enterprise, foundation, other). */
const SUFFIXES: readonly (readonly string[])[] = [
  ['协会', '促进会', '研究会', '联合会'],
  ['服务中心', '发展中心', '服务社'],
  ['基金会'],
  ['服务站', '联络站'],
];

const N = WORDS.length;
const M2 = N * N;
const M3 = M2 * N;
const STEP = 7919;

/**
 * Make a namer that gives sample organizations plausible, unique Chinese names:
 * region name + a two- or three-word qualifier + field word + type suffix, e.g.
 * 呼和浩特市阳光同心养老服务中心 or 阿拉善盟草原碧水生态环境协会. Names are unique because
 * each (region, type, field) group numbers its members and maps the number to a distinct
 * qualifier (a bijection), and no field word starts with a qualifier word.
 *
 * @returns `name(regionIndex, regionZh, typeIndex, field)`; call it once per organization, in
 *   a fixed order, to get deterministic names
 * @example
 * const name = organizationNamer();
 * name(0, '呼和浩特市', 1, 'elderly_care'); // => '呼和浩特市…养老服务中心'
 */
export function organizationNamer(): (
  regionIndex: number,
  regionZh: string,
  typeIndex: number,
  field: string,
) => string {
  const counters = new Map<string, number>();
  return (regionIndex, regionZh, typeIndex, field) => {
    const key = `${regionIndex}|${typeIndex}|${field}`;
    const k = counters.get(key) ?? 0;
    counters.set(key, k + 1);
    let off = 0;
    for (let i = 0; i < key.length; i++) off = (off * 31 + key.charCodeAt(i)) % M3;
    let qual: string;
    if (k < M2) {
      const q = (k * STEP + off) % M2;
      qual = WORDS[Math.floor(q / N)] + WORDS[q % N];
    } else {
      const j = k - M2;
      const q = (j * STEP + off) % M3;
      qual = WORDS[Math.floor(q / M2)] + WORDS[Math.floor(q / N) % N] + WORDS[q % N];
      if (j >= M3) qual += String(j);
    }
    const suffixes = SUFFIXES[typeIndex] ?? SUFFIXES[3];
    return regionZh + qual + (FIELD_WORDS[field] ?? '综合') + suffixes[k % suffixes.length];
  };
}
