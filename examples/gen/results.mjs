export async function makeResults() { return []; }
