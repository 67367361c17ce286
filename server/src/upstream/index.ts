/** The upstream core: URLs per host, branch lists, response classification, version status. Pure. */
export * from './hosts';
export * from './names';
export * from './branches';
export * from './classify';
export * from './versions';
