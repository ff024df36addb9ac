declare module 'opencc-js/t2cn' {
  export function Converter(opts: { from: string; to: string }): (text: string) => string;
}
