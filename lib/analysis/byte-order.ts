export { compareBytes } from "@/lib/engine/byte-compare";
