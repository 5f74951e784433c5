import { useEffect, useMemo, useState } from 'react';
import { Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import type { UnitNode } from '../../../contracts/units';
import type { MessageKey } from '../../shell/dictionary';
import type { Translate } from '../../shell/i18n';

/** "Tỉnh" / "Cấp huyện" / "Cấp xã" for a unit level. */
export function levelLabel(t: Translate, level: string): string {
  if (level === 'province') return t('units.level.province');
  if (level === 'district') return t('units.level.district');
  if (level === 'commune') return t('units.level.commune');
  return level;
}

const TYPE_LABELS: Record<string, MessageKey> = {
  tinh: 'units.type.tinh',
  thanh_pho: 'units.type.thanhPho',
  huyen: 'units.type.huyen',
  thi_xa: 'units.type.thiXa',
  phuong: 'units.type.phuong',
  thi_tran: 'units.type.thiTran',
  xa: 'units.type.xa',
};

/** Kind of unit (tỉnh, huyện, xã, phường, thị trấn…) from its type code. */
export function typeLabel(t: Translate, type: string): string {
  const key = TYPE_LABELS[type];
  return key ? t(key) : type;
}

/** How many units of each level the tree holds. */
export function countLevels(root: UnitNode): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (n: UnitNode) => {
    counts[n.level] = (counts[n.level] ?? 0) + 1;
    n.children.forEach(walk);
  };
  walk(root);
  return counts;
}

/** Code → node, for names of parents and the path to a selected unit. */
export function indexTree(root: UnitNode): Map<string, UnitNode> {
  const index = new Map<string, UnitNode>();
  const walk = (n: UnitNode) => {
    index.set(n.code, n);
    n.children.forEach(walk);
  };
  walk(root);
  return index;
}

function toTreeData(node: UnitNode): TreeDataNode {
  const children = [...node.children].sort((a, b) => a.code.localeCompare(b.code));
  return {
    key: node.code,
    title: (
      <span data-unit-level={node.level} data-unit-code={node.code}>
        {node.fullName} <span className="unit-code">{node.code}</span>
      </span>
    ),
    children: children.map(toTreeData),
  };
}

interface Props {
  root: UnitNode;
  selected?: string;
  onSelect: (code: string) => void;
}

/** The unit tree; the province is open, and so is the branch of the selected unit. */
export function UnitTree({ root, selected, onSelect }: Props) {
  const treeData = useMemo(() => [toTreeData(root)], [root]);
  const index = useMemo(() => indexTree(root), [root]);
  const [expanded, setExpanded] = useState<string[]>([root.code]);

  useEffect(() => {
    const path: string[] = [];
    let node = selected ? index.get(selected) : undefined;
    while (node?.parentCode) {
      path.push(node.parentCode);
      node = index.get(node.parentCode);
    }
    if (path.length) setExpanded((keys) => [...new Set([...keys, ...path])]);
  }, [selected, index]);

  return (
    <Tree
      treeData={treeData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(String(key));
      }}
      blockNode
      className="unit-tree"
    />
  );
}
